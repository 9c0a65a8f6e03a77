// Free text a person types (a dismissal reason, a filter, a squad name). Postgres refuses a NUL byte in
// text (22021) and no other control character belongs in such text either, so they are a 400 at the
// boundary rather than a failed query; newlines and tabs stay allowed.
import { z } from "zod";

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function plainText() {
  return z.string().refine((value) => !CONTROL_CHARACTERS.test(value), "must not contain control characters");
}
