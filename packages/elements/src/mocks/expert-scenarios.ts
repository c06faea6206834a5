import type { ExpertProfile, UpdateMyProfileFields } from '@plein/client';
import { delay, graphql, HttpResponse, type RequestHandler } from 'msw';
import { MOCK_ENDPOINT, mockExpert, mockExperts, mockOverview } from './fixtures.ts';
import { mockSessionTokens } from './professionals.ts';

/**
 * The mocked community's expert profiles and directory (`mockExperts`), and the signed-in expert's own profile
 * changes: only the session of Geert Heikens (`signInMockAccount('expert')`) may change profile `e1`.
 */
const api = graphql.link(MOCK_ENDPOINT);

/** The profile the signed-in mock expert owns. */
export const MOCK_OWN_EXPERT_ID = 'e1';

function directoryPage(experts: ExpertProfile[], variables: Record<string, unknown>) {
  const first = Number(variables.first ?? 20);
  const filtered = experts.filter(
    (expert) => !variables.topic || expert.topics.some((topic) => topic.slug === variables.topic),
  );
  const start = variables.after ? Number(String(variables.after).replace('expert-', '')) : 0;
  const page = filtered.slice(start, start + first);
  return {
    data: {
      community: {
        id: mockOverview.id,
        experts: {
          totalCount: filtered.length,
          pageInfo: { hasNextPage: start + first < filtered.length, endCursor: `expert-${start + page.length}` },
          edges: page.map((node, i) => ({ cursor: `expert-${start + i + 1}`, node })),
        },
      },
    },
  };
}

const directory = (experts: () => ExpertProfile[]) =>
  api.query('ExpertsDirectory', ({ variables }) => HttpResponse.json(directoryPage(experts(), variables)));

/** What the server checks of a profile change: the name, an https photo, and alternative text with a photo. */
function profileErrors(input: UpdateMyProfileFields) {
  const errors: { field: string; code: string; message: string }[] = [];
  if (!input.displayName?.trim()) errors.push({ field: 'displayName', code: 'REQUIRED', message: 'Vul uw naam in.' });
  // The mocks' own portrait is inline (data:); a real server takes https addresses only.
  if (input.photoUrl && !/^(https:\/\/|data:image\/)/.test(input.photoUrl)) {
    errors.push({ field: 'photoUrl', code: 'INVALID_URL', message: 'Gebruik een adres dat begint met https://.' });
  }
  if (input.photoUrl && !input.photoAlt?.trim()) {
    errors.push({ field: 'photoAlt', code: 'REQUIRED', message: 'Beschrijf uw foto voor wie hem niet kan zien.' });
  }
  return errors;
}

/** The profile after a change, as the server returns it. */
export function changedProfile(input: UpdateMyProfileFields): ExpertProfile {
  const own = mockExpert(MOCK_OWN_EXPERT_ID)!;
  const initials = input.displayName
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase())
    .slice(0, 2)
    .join('');
  return {
    ...own,
    displayName: input.displayName.trim(),
    title: input.title ?? null,
    bio: input.bio ?? null,
    photoUrl: input.photoUrl ?? null,
    photoAlt: input.photoUrl ? (input.photoAlt ?? null) : null,
    initials: initials || own.initials,
  };
}

/** A session the server no longer knows: a GraphQL error, as for every call that needs a signed-in expert. */
const sessionEnded = {
  message: 'U bent niet meer ingelogd. Log opnieuw in.',
  extensions: { code: 'UNAUTHENTICATED' },
};

/** Profiles, the directory, and profile changes by the signed-in expert. */
export const expertHandlers: RequestHandler[] = [
  api.query('ExpertProfile', ({ variables }) =>
    HttpResponse.json({ data: { expert: mockExpert(String(variables.id)) ?? null } }),
  ),
  directory(() => mockExperts),
  api.mutation('UpdateMyProfile', ({ request, variables }) => {
    if (request.headers.get('authorization') !== `Bearer ${mockSessionTokens.expert}`) {
      return HttpResponse.json({ errors: [sessionEnded] });
    }
    const input = variables.input as UpdateMyProfileFields;
    const errors = profileErrors(input);
    return HttpResponse.json({
      data: { updateMyProfile: { expert: errors.length > 0 ? null : changedProfile(input), errors } },
    });
  }),
];

/** States of profiles and the directory for tests and stories: put one in front with `worker.use`. */
export const expertScenarios = {
  /** No experts in the community yet. */
  directoryEmpty: [directory(() => [])],
  /** Thirty experts: two pages of twenty. */
  directoryLong: [
    directory(() =>
      Array.from({ length: 30 }, (_, i) => {
        const base = mockExperts[i % mockExperts.length]!;
        return { ...base, id: `x${i + 1}`, displayName: `${base.displayName} ${i + 1}` };
      }),
    ),
  ],
  /** The directory cannot be reached. */
  directoryNetworkError: [api.query('ExpertsDirectory', () => HttpResponse.error())],
  /** The directory never loads. */
  directorySlow: [
    api.query('ExpertsDirectory', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** The profile cannot be reached. */
  profileNetworkError: [api.query('ExpertProfile', () => HttpResponse.error())],
  /** The profile never loads. */
  profileSlow: [
    api.query('ExpertProfile', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    }),
  ],
  /** Saving the profile fails: the connection drops. */
  saveNetworkError: [api.mutation('UpdateMyProfile', () => HttpResponse.error())],
  /** The session ended at the server before the save. */
  saveUnauthenticated: [api.mutation('UpdateMyProfile', () => HttpResponse.json({ errors: [sessionEnded] }))],
  /** The server refuses the photo address (it checks what the form cannot: that the photo exists). */
  savePhotoRefused: [
    api.mutation('UpdateMyProfile', () =>
      HttpResponse.json({
        data: {
          updateMyProfile: {
            expert: null,
            errors: [
              { field: 'photoUrl', code: 'NOT_FOUND', message: 'Op dit adres staat geen foto. Kies een ander adres.' },
            ],
          },
        },
      }),
    ),
  ],
} satisfies Record<string, RequestHandler[]>;
