// What the product window hands its field groups: messages per field, the ARIA
// attributes that tie an input to them, and "the operator left this field".
export type FieldAria = { "aria-invalid": boolean; "aria-describedby": string | undefined };

export type FieldUi = {
  errorsOf: (field: string) => string[];
  aria: (inputId: string, field: string) => FieldAria;
  leave: (field: string) => void;
};
