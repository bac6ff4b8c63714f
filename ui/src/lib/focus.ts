// Moving the focus to the field a message is about.
import { tick } from "svelte";

/**
 * After the screen updates, focuses whichever of the elements `ids` name
 * comes first on screen. `find` looks an element up (by default by its id).
 */
export async function focusFirst(
  ids: readonly string[],
  find: (id: string) => HTMLElement | null = (id) => document.getElementById(id),
): Promise<void> {
  await tick();
  const fields = ids
    .map(find)
    .filter((el): el is HTMLElement => el !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  fields[0]?.focus();
}
