/**
 * Where the callables run. Jakarta keeps round trips short for phones across Indonesia; the web
 * client must name the same region or its calls go nowhere.
 */
export const FUNCTIONS_REGION = "asia-southeast2";
