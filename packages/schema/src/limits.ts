/** Lengths the server enforces and the forms show, in characters. One source for both. */
export const limits = {
  questionTitle: { min: 10, max: 150 },
  questionBody: { min: 20, max: 5000 },
  answerBody: { min: 10, max: 5000 },
  displayName: { max: 40 },
  email: { max: 254 },
  search: { max: 200 },
  pageSize: { max: 50, default: 20 },
} as const;
