// The search-as-you-type part of the pickers (ClientPicker, ProductPicker,
// ServicePicker): debounced search, only the newest answer shown, and the
// ARIA combobox keys — ↓/↑ through the options, Enter picks (searching first
// when the text has not been answered yet), Esc closes the list, then clears
// the text. PickerField.svelte draws the input and the list from it.
import { tick } from "svelte";
import { errorMessage } from "../api/errors";

const DEBOUNCE_MS = 150;

/** One option of a picker's list; the option of `type: "add"` adds what was not found. */
export interface PickerEntry {
  type: string;
  /** The element id (unique in the document). */
  id: string;
  testid: string;
  /** `data-id` of the option. */
  dataId?: string;
  ariaLabel?: string;
}

export interface PickerOptions<T, E extends PickerEntry> {
  /** Prefix of the element ids (`uid`). */
  idPrefix: string;
  /** Asks the core for a trimmed, non-empty query; `total` defaults to the number of items. */
  find: (query: string) => Promise<{ items: T[]; total?: number }>;
  /** The options shown for the current answer (a getter over the component's `$derived`). */
  entries: () => readonly E[];
  /** Enter or a click on an option. */
  choose: (entry: E) => void;
  /**
   * The option ↓/↑ start from and Enter takes before any move, for a new
   * answer. Without it Enter takes the first option, ↓ starts at the first
   * and ↑ at the last.
   */
  preselect?: (entries: readonly E[]) => number;
}

export class Picker<T, E extends PickerEntry> {
  readonly uid: string;
  query = $state("");
  items: T[] = $state([]);
  total = $state(0);
  /** The (trimmed) query `items` answer; null when there is no answer to show. */
  answered = $state<string | null>(null);
  failure = $state<string | null>(null);
  open = $state(false);
  /** The option ↑/↓ is on; -1 until the operator moves into the list. */
  active = $state(-1);
  /** Where ↓ starts and what Enter takes before any move. */
  preferred = $state(0);
  input = $state<HTMLInputElement>();

  #options: PickerOptions<T, E>;
  #requests = 0; // only the newest answer is shown
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: PickerOptions<T, E>) {
    this.#options = options;
    this.uid = `${options.idPrefix}-${Math.random().toString(36).slice(2, 9)}`;
  }

  get entries(): readonly E[] {
    return this.#options.entries();
  }

  /** The option the input's `aria-activedescendant` names. */
  get current(): E | undefined {
    return this.open && this.active >= 0 ? this.entries[this.active] : undefined;
  }

  /** Whether the preselected option is marked before any move. */
  get preselects(): boolean {
    return this.#options.preselect !== undefined;
  }

  /** Forgets a search still waiting for its debounce (call on destroy). */
  stop(): void {
    clearTimeout(this.#timer);
  }

  async search(text: string): Promise<void> {
    clearTimeout(this.#timer);
    const mine = ++this.#requests;
    const q = text.trim();
    this.failure = null;
    if (!q) {
      this.items = [];
      this.answered = null;
      this.open = false;
      return;
    }
    try {
      const found = await this.#options.find(q);
      if (mine !== this.#requests) return;
      this.items = found.items;
      this.total = found.total ?? found.items.length;
    } catch (e) {
      if (mine !== this.#requests) return;
      this.items = [];
      this.total = 0;
      this.failure = errorMessage(e);
    }
    this.answered = q;
    this.preferred = this.#options.preselect?.(this.entries) ?? 0;
    this.active = -1;
    this.open = document.activeElement === this.input;
  }

  /** Closes the list and drops the answer (and any still on its way), leaving `query` in the input. */
  close(query = ""): void {
    this.#requests++;
    clearTimeout(this.#timer);
    this.query = query;
    this.items = [];
    this.answered = null;
    this.failure = null;
    this.open = false;
    this.active = -1;
  }

  #move(by: 1 | -1): void {
    const last = this.entries.length - 1;
    if (this.active >= 0) this.active = Math.max(0, Math.min(last, this.active + by));
    else this.active = this.preselects ? this.preferred : by === 1 ? 0 : last;
    void tick().then(() => document.getElementById(this.entries[this.active]?.id ?? "")?.scrollIntoView?.({ block: "nearest" }));
  }

  oninput = (): void => {
    clearTimeout(this.#timer);
    if (!this.query.trim()) void this.search("");
    else this.#timer = setTimeout(() => void this.search(this.query), DEBOUNCE_MS);
  };

  onkeydown = async (event: KeyboardEvent): Promise<void> => {
    if (event.isComposing) return;
    const pending = this.query.trim() !== "" && this.query.trim() !== this.answered;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        event.preventDefault();
        if (this.open) this.#move(event.key === "ArrowDown" ? 1 : -1);
        else if (this.entries.length > 0) {
          this.open = true;
          this.active = this.preferred;
        }
        return;
      case "Enter": {
        if (!pending && !this.open) return;
        event.preventDefault();
        event.stopPropagation();
        // Typed (or scanned) and pressed Enter at once: search now, then take the best answer.
        if (pending) await this.search(this.query);
        const entry = this.entries[this.active >= 0 ? this.active : this.preferred];
        if (entry) this.#options.choose(entry);
        return;
      }
      case "Escape":
        if (!this.open && !this.query) return; // let the surrounding window close
        event.preventDefault();
        event.stopPropagation();
        if (this.open) this.open = false;
        else this.close();
        return;
      case "Tab":
        this.open = false;
    }
  };

  onfocus = (): void => {
    if (this.answered && this.entries.length > 0) this.open = true;
  };

  /** For the element around the input and the list: leaving it closes the list. */
  onfocusout = (event: FocusEvent & { currentTarget: HTMLElement }): void => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) this.open = false;
  };

  choose(entry: E): void {
    this.#options.choose(entry);
  }
}
