// Where the CSRF token travels: a header on fetch calls, a hidden field on plain forms, and a <meta> tag
// the page carries so client code can read it. Safe to import from client components.
export const CSRF_HEADER = "x-csrf-token";
export const CSRF_FORM_FIELD = "csrfToken";
export const CSRF_META_NAME = "csrf-token";
