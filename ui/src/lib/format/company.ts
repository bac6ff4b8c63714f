// Recognising company names by their legal form.

/** Russian legal forms a company name usually starts with: «ООО «Ромашка»», «ИП Петров». */
const LEGAL_FORM = /^(ООО|ОАО|ЗАО|ПАО|НАО|АО|ИП|АНО|НКО|ГУП|МУП|ФГУП|ТОО|КФХ)(?=[\s«"„“]|$)/iu;

export function startsWithLegalForm(text: string): boolean {
  return LEGAL_FORM.test(text.trim());
}

/** A name in quotes, «Ромашка» or "Ромашка": how people type a company they know by brand. */
export function isQuotedName(text: string): boolean {
  return /^[«"„“][^«»"„“]+[»"“”]$/u.test(text.trim());
}

const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function control(digits: readonly number[], weights: readonly number[]): number {
  return (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11) % 10;
}

/** Whether 10 or 12 digits have matching ИНН control digits (the core checks them again). */
export function innChecksumOk(text: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(text)) return false;
  const d = [...text].map(Number);
  if (d.length === 10) return control(d, INN10) === d[9];
  return control(d, INN11) === d[10] && control(d, INN12) === d[11];
}
