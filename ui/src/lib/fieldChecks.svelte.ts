// «Validate on blur» of the edit windows (client, product, service): each
// time the operator leaves a field the core checks the whole draft; the
// issues of fields already left show at once, all of them after «Сохранить».
import { SvelteSet } from "svelte/reactivity";
import type { FieldIssue } from "./api/client";
import { messagesByField, type IssueContext } from "./api/errors";
import { errorId } from "./components/Field.svelte";

export type FieldAria = { "aria-invalid": boolean; "aria-describedby": string | undefined };

/** What a window hands its field groups: messages per field, the ARIA attributes that tie an input to them, and «the operator left this field». */
export type FieldUi = {
  errorsOf: (field: string) => string[];
  aria: (inputId: string, field: string) => FieldAria;
  leave: (field: string) => void;
};

export class FieldChecks implements FieldUi {
  #check: () => Promise<FieldIssue[]>;
  #isTouched: (field: string, touched: ReadonlySet<string>) => boolean;
  #context: () => IssueContext | undefined;
  #validation = 0; // discards stale answers

  issues: FieldIssue[] = $state([]);
  /** The fields the operator has left. */
  readonly touched = new SvelteSet<string>();
  /** Set by a save: every issue shows, left or not. */
  showAll = $state(false);
  /** The issues on screen. */
  readonly visible = $derived(this.showAll ? this.issues : this.issues.filter((i) => this.#isTouched(i.field, this.touched)));
  readonly errors = $derived.by(() => messagesByField(this.visible, this.#context()));

  /**
   * `check` asks the core about the current draft. `isTouched` says whether an
   * issue's field counts as left (by default: that very field was left);
   * `context` words the messages (e.g. by the client's kind).
   */
  constructor(
    check: () => Promise<FieldIssue[]>,
    options: { isTouched?: (field: string, touched: ReadonlySet<string>) => boolean; context?: () => IssueContext } = {},
  ) {
    this.#check = check;
    this.#isTouched = options.isTouched ?? ((field, touched) => touched.has(field));
    this.#context = options.context ?? (() => undefined);
  }

  errorsOf = (field: string): string[] => this.errors[field] ?? [];

  aria = (inputId: string, field: string): FieldAria => {
    const invalid = (this.errors[field]?.length ?? 0) > 0;
    return { "aria-invalid": invalid, "aria-describedby": invalid ? errorId(inputId) : undefined };
  };

  leave = (field: string): void => {
    this.touched.add(field);
    void this.validate();
  };

  async validate(): Promise<void> {
    const mine = ++this.#validation;
    try {
      const found = await this.#check();
      if (mine === this.#validation) this.issues = found;
    } catch {
      // A failing check on blur is not worth a message; saving reports it.
    }
  }

  /** The check before a save: every issue shows from now on. Returns what the core found; its failure is thrown. */
  async checkAll(): Promise<FieldIssue[]> {
    this.showAll = true;
    const mine = ++this.#validation;
    const found = await this.#check();
    if (mine === this.#validation) this.issues = found;
    return found;
  }

  /** A row of a list was deleted: `touched` is what is known once later rows moved up. Checks anew. */
  rowRemoved(touched: Iterable<string>): void {
    const next = [...touched];
    this.touched.clear();
    for (const field of next) this.touched.add(field);
    this.issues = [];
    void this.validate();
  }

  /** Another record in the same window: nothing is checked or left yet. */
  reset(): void {
    this.issues = [];
    this.touched.clear();
    this.showAll = false;
  }
}
