/**
 * askQuestion under load: every question with its own idempotency key, text and device, so every request runs the
 * whole pipeline (validation, personal-data redaction, moderation, the write with its search-index row) and none is
 * answered as a replay.
 */
import { AskQuestionDocument } from '@plein/schema';
import { closedLoop, type LoadResult } from './closed-loop.ts';
import { questionText } from './growth-corpus.ts';

export interface AskLoadResult extends LoadResult {
  /** Stored questions by publication: PUBLISHED, or HELD when the pipeline wants a moderator to look first. */
  publications: Map<string, number>;
}

interface AskResponse {
  data?: {
    askQuestion?: { question: { id: string; publication: string } | null; errors: { code: string }[] } | null;
  } | null;
  errors?: { message: string }[];
}

/** Every tenth question carries a phone number and an e-mail address, for the personal-data step to remove. */
function askBody(run: string, index: number): string {
  const text = questionText(index);
  const personal = index % 10 === 0 ? ' U kunt mij bellen op 06-12345678 of mailen naar jan.jansen@example.nl.' : '';
  return JSON.stringify({
    query: String(AskQuestionDocument),
    variables: {
      input: {
        community: 'eemsdelta',
        topic: text.topic,
        title: text.title,
        body: `${text.body}${personal} (${run}-${index})`,
        idempotencyKey: `growth-${run}-${index}`,
        // A person takes longer than 3 seconds to write a question (the anti-spam rule).
        antiSpam: { honeypot: '', fillMs: 5_000 },
      },
    },
  });
}

/** `clients` citizens ask one question after the other for `seconds` at the server at `serverUrl`. */
export async function runAskLoad(serverUrl: string, clients: number, seconds: number): Promise<AskLoadResult> {
  const run = Date.now().toString(36);
  const publications = new Map<string, number>();
  const result = await closedLoop(clients, seconds, async (index) => {
    const response = await fetch(`${serverUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // Another device for every question: many citizens, not one device posting in a loop.
        'plein-device': `growth-device-${run}-${index}`,
      },
      body: askBody(run, index),
    });
    const body = (await response.json()) as AskResponse;
    if (response.status !== 200) return `HTTP ${response.status}`;
    if (body.errors?.length) return `GraphQL: ${body.errors[0]!.message.slice(0, 60)}`;
    const question = body.data?.askQuestion?.question;
    if (!question) return body.data?.askQuestion?.errors[0]?.code ?? 'no question';
    publications.set(question.publication, (publications.get(question.publication) ?? 0) + 1);
    return null;
  });
  return { ...result, publications };
}
