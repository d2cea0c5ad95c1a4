/** Where the review of merged changes lives. */
export const REVIEW_PATH = "/changes";
