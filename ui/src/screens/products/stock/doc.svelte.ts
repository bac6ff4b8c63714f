// The state every stock document window keeps: its lines, the issues the
// core (or the window) found, the banner failure and the posting. The window
// adds its own head fields and says how to post. Element ids follow
// `prefix`: `${prefix}-picker-input`, `${prefix}-line-quantity-0`, …
import type { FieldIssue, ProductListItem } from "../../../lib/api/client";
import { errorId } from "../../../lib/components/Field.svelte";
import { focusFirst } from "../../../lib/focus";
import { addLine, docMessages, focusInput, postFailure, unplacedMessages, type Failure, type Line } from "./lines";

export class StockDoc<T> {
  readonly prefix: string;
  lines: Line<T>[] = $state([]);
  issues: FieldIssue[] = $state([]);
  failure: Failure | null = $state(null);
  posting = $state(false);
  /** Messages per field. */
  readonly messages = $derived(docMessages(this.issues, this.lines));
  /** Messages of fields the window has no place for: shown in its banner. */
  readonly problems = $derived(unplacedMessages(this.messages, (field) => this.#placed(field)));

  /** The line input a new line (and the one after a removed line) starts at. */
  #firstInput: string;
  #placed: (field: string) => boolean;

  /**
   * `firstInput`: the name of the line input focused after a pick (`quantity`);
   * `placed`: whether the window shows a field's messages next to it.
   */
  constructor(prefix: string, firstInput: string, placed: (field: string) => boolean) {
    this.prefix = prefix;
    this.#firstInput = firstInput;
    this.#placed = placed;
  }

  get pickerId(): string {
    return `${this.prefix}-picker-input`;
  }

  /** The element id of a line's input: `receipt-line-price-2`. */
  inputId(name: string, index: number): string {
    return `${this.prefix}-line-${name}-${index}`;
  }

  errorsOf(field: string): string[] {
    return this.messages[field] ?? [];
  }

  /** aria-invalid and aria-describedby of the input `id` showing `field`. */
  aria(id: string, field: string): { "aria-invalid": boolean; "aria-describedby": string | undefined } {
    const invalid = this.errorsOf(field).length > 0;
    return { "aria-invalid": invalid, "aria-describedby": invalid ? errorId(id) : undefined };
  }

  /** The operator changed a field: its old message no longer applies. */
  forget(field: string): void {
    if (this.issues.some((i) => i.field === field)) this.issues = this.issues.filter((i) => i.field !== field);
  }

  /** Adds a line for `item` (or finds the one it has) and moves to it. */
  pick(item: ProductListItem, fields: T): void {
    const { index } = addLine(this.lines, item, fields);
    this.forget("lines");
    focusInput(this.inputId(this.#firstInput, index));
  }

  remove(index: number): void {
    this.lines.splice(index, 1);
    this.issues = [];
    focusInput(this.lines.length > 0 ? this.inputId(this.#firstInput, Math.min(index, this.lines.length - 1)) : this.pickerId);
  }

  /**
   * Posts the document with `send`, unless it has no lines. On a refusal the
   * issues go to their fields (`inputOf` names the input an issue points at,
   * the first is focused); any other failure goes to the banner.
   */
  async post<R>(send: () => Promise<R>, onposted: (result: R) => void, inputOf: (field: string) => string): Promise<void> {
    if (this.posting) return;
    this.failure = null;
    if (this.lines.length === 0) {
      this.issues = [{ field: "lines", issue: "required", max: null, detail: null }];
      focusInput(this.pickerId);
      return;
    }
    this.posting = true;
    try {
      onposted(await send());
    } catch (e) {
      const result = postFailure(e);
      if ("issues" in result) {
        this.issues = result.issues;
        await focusFirst(this.issues.map((i) => inputOf(i.field)));
      } else {
        this.issues = [];
        this.failure = result.failure;
      }
    } finally {
      this.posting = false;
    }
  }
}
