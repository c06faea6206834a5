import type { Clock } from '../services/clock.ts';
import { ANONYMOUS } from '../services/models.ts';
import { hashToken, newId, newOwnerToken } from '../services/secrets.ts';
import { toModerationSettingsRow } from '../services/moderation-settings.ts';
import { toContactChannelsRow } from '../services/contact-service.ts';
import type { AnswerRow, ModeratedColumns, QuestionRow } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';
import type { SeedCommunity, SeedExpert, SeedVerification } from './seed-types.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Seeded posts come from no device, met no pipeline step and wait for no moderator. */
const unmoderated: ModeratedColumns = {
  device_hash: null,
  findings: '[]',
  moderation_reason: null,
  flag_count: 0,
  waiting_since: null,
};

/** The expert's verification as the seed states it, or the default: checked by hand, valid for a year. */
function verificationOf(expert: SeedExpert): SeedVerification {
  return (
    expert.verification ?? {
      evidence: 'MANUAL',
      note: 'Demo: vastgelegd bij het vullen van de demo.',
      independence: expert.independent ? 'INDEPENDENT' : 'MUNICIPALITY',
    }
  );
}

/**
 * Writes a community with its municipalities, topics, experts, questions and answers in one transaction.
 * Times are relative to the clock, so the demo always looks recent. Owner tokens are random and thrown away.
 */
export async function seedCommunity(
  store: PleinStore,
  seed: SeedCommunity,
  clock: Clock,
): Promise<{ questions: number; answers: number }> {
  const now = clock().getTime();
  const at = (msAgo: number) => new Date(now - msAgo).toISOString();
  let answerTotal = 0;

  await store.transaction(async (trx) => {
    const communityId = newId();
    await trx.insertCommunity({
      id: communityId,
      slug: seed.slug,
      name: seed.name,
      created_at: at(200 * 24 * HOUR_MS),
      portal_secret: null,
    });

    const municipalityIds = new Map<string, string>();
    for (const [position, municipality] of seed.municipalities.entries()) {
      const id = newId();
      municipalityIds.set(municipality.slug, id);
      await trx.insertMunicipality({
        id,
        community_id: communityId,
        slug: municipality.slug,
        name: municipality.name,
        position,
      });
    }

    const topicIds = new Map<string, string>();
    for (const [position, topic] of seed.topics.entries()) {
      const id = newId();
      topicIds.set(topic.slug, id);
      await trx.insertTopic({ id, community_id: communityId, slug: topic.slug, name: topic.name, position });
    }
    const topicId = (slug: string) => {
      const id = topicIds.get(slug);
      if (!id) throw new Error(`seed: unknown topic "${slug}"`);
      return id;
    };

    const expertIds = new Map<string, string>();
    for (const expert of seed.experts) {
      const id = newId();
      expertIds.set(expert.key, id);
      const verification = verificationOf(expert);
      const validUntil = now + (verification.validForDays ?? 365) * DAY_MS;
      await trx.insertExpert(
        {
          id,
          community_id: communityId,
          display_name: expert.displayName,
          title: expert.title,
          organisation: expert.organisation,
          independent: verification.independence === 'INDEPENDENT' ? 1 : 0,
          bio: expert.bio,
          // Not read since migration 0004 (the records decide); kept truthful for anyone looking at the table.
          verified: validUntil > now ? 1 : 0,
          created_at: at(190 * 24 * HOUR_MS),
          // No photos in the demo: the elements show initials.
          photo_url: null,
          photo_alt: null,
        },
        expert.topics.map(topicId),
      );
      // Every seeded expert has a verification record: checked a year before it ends, by nobody in particular.
      await trx.insertVerification(
        {
          id: newId(),
          expert_id: id,
          evidence: verification.evidence,
          kvk_number: verification.evidence === 'KVK' ? (verification.kvkNumber ?? null) : null,
          note: verification.note ?? null,
          organisation: expert.organisation,
          independence: verification.independence,
          independence_note: verification.independenceNote ?? null,
          valid_until: new Date(validUntil).toISOString(),
          verified_by: null,
          created_at: new Date(Math.min(validUntil - 365 * DAY_MS, now - DAY_MS)).toISOString(),
          revoked_at: null,
        },
        expert.topics.map(topicId),
      );
    }

    for (const question of seed.questions) {
      const askedMsAgo = question.daysAgo * 24 * HOUR_MS;
      const answers: AnswerRow[] = question.answers.map((answer) => {
        const expertId = answer.expert ? expertIds.get(answer.expert) : undefined;
        if (answer.expert && !expertId) throw new Error(`seed: unknown expert "${answer.expert}"`);
        const expert = seed.experts.find((e) => e.key === answer.expert);
        return {
          id: newId(),
          question_id: '',
          body: answer.body,
          author_display_name: expert?.displayName ?? answer.displayName ?? ANONYMOUS,
          author_role: expert ? 'EXPERT' : 'CITIZEN',
          author_expert_id: expertId ?? null,
          is_expert: expert ? 1 : 0,
          idempotency_key: newId(),
          helpful_count: answer.helpfulCount ?? 0,
          created_at: at(Math.max(askedMsAgo - answer.hoursAfter * HOUR_MS, 60_000)),
          publication: 'PUBLISHED',
          owner_token_hash: null,
          source_url: expert ? (answer.sourceUrl ?? null) : null,
          reviewed_on:
            expert && answer.reviewedDaysAgo !== undefined ? at(answer.reviewedDaysAgo * DAY_MS).slice(0, 10) : null,
          hand_off: JSON.stringify(expert ? (answer.handOff ?? []) : []),
          ...unmoderated,
        };
      });
      const accepted = question.resolved ? answers[question.answers.findIndex((a) => a.accepted)] : undefined;
      const hasExpertAnswer = answers.some((a) => a.is_expert === 1);
      const lastActivity =
        answers
          .map((a) => a.created_at)
          .sort()
          .at(-1) ?? at(askedMsAgo);
      const row: QuestionRow = {
        id: newId(),
        community_id: communityId,
        topic_id: topicId(question.topic),
        municipality_id: municipalityIds.get(question.municipality) ?? null,
        title: question.title,
        body: question.body,
        status: accepted ? 'RESOLVED' : hasExpertAnswer ? 'ANSWERED' : 'OPEN',
        author_display_name: question.displayName ?? ANONYMOUS,
        author_role: 'CITIZEN',
        author_expert_id: null,
        owner_token_hash: hashToken(newOwnerToken()),
        idempotency_key: newId(),
        accepted_answer_id: accepted?.id ?? null,
        answer_count: answers.length,
        has_expert_answer: hasExpertAnswer ? 1 : 0,
        // A question's helpful count is the helpful votes on its answers together.
        helpful_count: answers.reduce((sum, a) => sum + a.helpful_count, 0),
        created_at: at(askedMsAgo),
        last_activity_at: lastActivity,
        publication: 'PUBLISHED',
        edited_at: null,
        ...unmoderated,
      };
      await trx.insertQuestion(row);
      for (const answer of answers) await trx.insertAnswerRow({ ...answer, question_id: row.id });
      answerTotal += answers.length;
    }

    if (seed.moderation) {
      await trx.saveModerationSettings(toModerationSettingsRow(communityId, seed.moderation, at(0)));
    }

    if (seed.contact) await trx.contact.saveChannels(toContactChannelsRow(communityId, seed.contact, at(0)));

    for (const [position, situation] of (seed.situations ?? []).entries()) {
      await trx.insertSituation({
        id: newId(),
        community_id: communityId,
        topic_id: topicId(situation.topic),
        slug: situation.slug,
        title: situation.title,
        description: situation.description,
        position,
      });
    }
  });
  return { questions: seed.questions.length, answers: answerTotal };
}
