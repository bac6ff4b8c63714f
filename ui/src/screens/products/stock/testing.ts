// Helpers of the stock document tests: pick a product through a window's picker.
import { expect } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/svelte";

export async function pickProduct(picker: string, query: string, id: string): Promise<void> {
  await fireEvent.input(screen.getByTestId(picker), { target: { value: query } });
  await waitFor(() => expect(screen.queryAllByTestId(`${picker}-option`).some((o) => o.dataset.id === id)).toBe(true));
  const option = screen.getAllByTestId(`${picker}-option`).find((o) => o.dataset.id === id)!;
  await fireEvent.click(option);
}

export const inputs = (testid: string) => screen.queryAllByTestId(testid) as HTMLInputElement[];
