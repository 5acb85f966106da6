/**
 * The id of the JSON that sharePage puts beside a page it rendered, so the PWA starts from the data
 * it rendered. Its own module: the app's entry reads it, and must not pull in any schema.
 */
export const PAGE_DATA_ID = "seleksi-page";
