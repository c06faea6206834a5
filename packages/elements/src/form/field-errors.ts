/** One message per field, in the order of the form; the error summary links to each field by id. */
export type FieldErrors = Partial<Record<string, string>>;

/** The server's UserErrors as field messages; errors without a field go under `form`. */
export function fieldErrorsFrom(errors: readonly { field?: string | null; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const field = error.field ?? 'form';
    result[field] ??= error.message;
  }
  return result;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}
