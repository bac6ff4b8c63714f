// What the works and the parts sections do alike with their lines: one busy
// flag for every change (add, save, remove), the editor open on one line at a
// time, and where a refusal is shown — under the adder, in the editor, or on
// the line's own row. Each section keeps what differs: its picker, its
// columns and the draft it sends.
import type { OrderLineId, OrderView } from "../../../lib/api/client";
import { failureOf, type Failure } from "./failure";

/** A change of the order; the core answers with the whole order. */
type Change = () => Promise<OrderView>;

export class LineActions {
  /** A change is on its way: the buttons wait. */
  busy = $state(false);
  /** The line whose editor is open. */
  editing = $state<OrderLineId | null>(null);
  addFailure = $state<Failure | null>(null);
  editFailure = $state<Failure | null>(null);
  rowFailure = $state<{ line: OrderLineId; failure: Failure } | null>(null);

  /** `onchange` is a getter, so the section's current prop is called. */
  constructor(private readonly onchange: () => (view: OrderView) => void) {}

  /**
   * Adds a line; true when the core took it. `fresh`: the last refusal goes
   * away as the request leaves (else it stays until the answer).
   */
  async add(change: Change, { fresh = false }: { fresh?: boolean } = {}): Promise<boolean> {
    return this.run(
      change,
      () => {
        if (fresh) this.addFailure = null;
      },
      () => (this.addFailure = null),
      (failure) => (this.addFailure = failure),
    );
  }

  /** Saves the edited line and closes its editor; a refusal stays in the editor. */
  async save(change: Change): Promise<boolean> {
    return this.run(
      change,
      () => {},
      () => {
        this.editing = null;
        this.editFailure = null;
      },
      (failure) => (this.editFailure = failure),
    );
  }

  /** Removes a line; a refusal is shown on its row. */
  async remove(line: OrderLineId, change: Change): Promise<boolean> {
    return this.run(
      change,
      () => (this.rowFailure = null),
      () => {},
      (failure) => (this.rowFailure = { line, failure }),
    );
  }

  edit(line: OrderLineId): void {
    this.editing = line;
    this.editFailure = null;
  }

  closeEditor(): void {
    this.editing = null;
  }

  private async run(change: Change, start: () => void, done: () => void, refused: (failure: Failure) => void): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    start();
    try {
      const view = await change();
      done();
      this.onchange()(view);
      return true;
    } catch (e) {
      refused(failureOf(e));
      return false;
    } finally {
      this.busy = false;
    }
  }
}
