/** Lengths the server enforces and the forms show, in characters. One source for both. */
export const limits = {
  questionTitle: { min: 10, max: 150 },
  questionBody: { min: 20, max: 5000 },
  answerBody: { min: 10, max: 5000 },
  displayName: { max: 40 },
  email: { max: 254 },
  search: { max: 200 },
  pageSize: { max: 50, default: 20 },
  // An expert's own profile (updateMyProfile and the form in <plein-expert>).
  expertDisplayName: { min: 2, max: 80 },
  expertTitle: { max: 80 },
  expertBio: { max: 600 },
  expertPhotoUrl: { max: 500 },
  expertPhotoAlt: { max: 200 },
} as const;
