// What the list screens (clients, products, services, packages) share: a
// search that runs as the operator types and shows only its newest answer,
// and the keyboard in the table — ↓/↑/PgDn/PgUp from the search box or a
// row, Home/End on a row, Enter opens.
import { tick } from "svelte";

const DEBOUNCE_MS = 150;

/** Searches whose answers may come back out of order: only the newest one counts. */
export class LiveSearch {
  #requests = 0;
  #first = true;

  /**
   * For an `$effect` that reads what the search depends on: runs `search`
   * once typing pauses (at once the first time) and returns the cleanup.
   */
  schedule(search: () => void): () => void {
    const timer = setTimeout(search, this.#first ? 0 : DEBOUNCE_MS);
    this.#first = false;
    return () => clearTimeout(timer);
  }

  /** Makes the answer to any request in flight stale (nothing is to be asked now). */
  cancel(): void {
    this.#requests++;
  }

  /** Asks; the answer or the failure is handed on only if no newer request was made meanwhile. */
  async run<R>(ask: () => Promise<R>, onanswer: (answer: R) => void | Promise<void>, onfailure: (e: unknown) => void): Promise<void> {
    const mine = ++this.#requests;
    try {
      const answer = await ask();
      if (mine !== this.#requests) return;
      await onanswer(answer);
    } catch (e) {
      if (mine !== this.#requests) return;
      onfailure(e);
    }
  }
}

/**
 * A question asked again whenever its input changes (the finder's «nearest
 * free times», «who is free then»): asked once the typing pauses, its answer,
 * failure and «asking…» kept as state for the window to show.
 */
export class LatestAnswer<Q, R> {
  answer = $state<R | null>(null);
  /** Asking, or waiting for the typing to pause. */
  busy = $state(false);
  failure = $state<string | null>(null);

  #search = new LiveSearch();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ask: (query: Q) => Promise<R>,
    private readonly describe: (error: unknown) => string,
    private readonly delayMs: number,
    /** Called with each answer kept (e.g. to reset a list's cursor). */
    private readonly onanswer: (answer: R) => void = () => {},
  ) {}

  /** Asks `query` after the pause; `null` clears the answer (nothing to ask yet). */
  schedule(query: Q | null): void {
    clearTimeout(this.#timer);
    this.#search.cancel();
    if (query === null) {
      this.answer = null;
      this.busy = false;
      this.failure = null;
      return;
    }
    this.busy = true;
    this.#timer = setTimeout(() => void this.#run(query), this.delayMs);
  }

  /** Forgets any question in flight (the window closes). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#search.cancel();
  }

  #run(query: Q): Promise<void> {
    return this.#search.run(
      () => this.ask(query),
      (found) => {
        this.answer = found;
        this.failure = null;
        this.busy = false;
        this.onanswer(found);
      },
      (e) => {
        this.answer = null;
        this.failure = this.describe(e);
        this.busy = false;
      },
    );
  }
}

/** The selected row of a table and the keys that move it. Bind `tbody` to the table's body. */
export class RowCursor<T extends { id: unknown }> {
  selected = $state(-1);
  tbody: HTMLTableSectionElement | undefined = $state();

  #items: () => readonly T[];
  #focusRow: (index: number) => void;

  /** `focusRow` moves the focus to a row reached by the keyboard from a row; by default the row itself. */
  constructor(items: () => readonly T[], focusRow?: (index: number) => void) {
    this.#items = items;
    this.#focusRow = focusRow ?? ((index) => this.rowAt(index)?.focus());
  }

  rowAt(index: number): HTMLTableRowElement | undefined {
    return this.tbody?.querySelectorAll<HTMLTableRowElement>("tr")[index];
  }

  /** After a new answer: the row of `keep`, scrolled to, or else the first row. */
  settle(keep: T["id"] | null): void {
    const items = this.#items();
    const index = keep ? items.findIndex((item) => item.id === keep) : -1;
    this.selected = index >= 0 ? index : items.length > 0 ? 0 : -1;
    if (index >= 0) void tick().then(() => this.rowAt(index)?.scrollIntoView?.({ block: "nearest" }));
  }

  select(index: number, focusRow: boolean): void {
    const count = this.#items().length;
    if (count === 0) return;
    this.selected = Math.max(0, Math.min(count - 1, index));
    this.rowAt(this.selected)?.scrollIntoView?.({ block: "nearest" });
    if (focusRow) this.#focusRow(this.selected);
  }

  #move(event: KeyboardEvent, focusRow: boolean): boolean {
    const page = 10;
    const moves: Record<string, number> = {
      ArrowDown: this.selected + 1,
      ArrowUp: this.selected - 1,
      PageDown: this.selected + page,
      PageUp: this.selected - page,
    };
    const target = moves[event.key];
    if (target === undefined) return false;
    event.preventDefault();
    this.select(target, focusRow);
    return true;
  }

  /** Keys in the search box: they move the selection; Enter opens the selected row. */
  onSearchKeydown(event: KeyboardEvent, open: (item: T) => void): void {
    if (this.#move(event, false)) return;
    const item = this.#items()[this.selected];
    if (event.key === "Enter" && item) {
      event.preventDefault();
      open(item);
    }
  }

  /** Keys on a row: they move the selection and the focus; Enter runs `open` if given. */
  onRowKeydown(event: KeyboardEvent, open?: () => void): void {
    if (this.#move(event, true)) return;
    if (event.key === "Enter" && open) {
      event.preventDefault();
      open();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      this.select(event.key === "Home" ? 0 : this.#items().length - 1, true);
    }
  }
}
