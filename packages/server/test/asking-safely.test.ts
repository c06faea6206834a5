import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AcceptAnswerDocument,
  AnswerQuestionDocument,
  AskQuestionDocument,
  DeleteQuestionDocument,
  EditQuestionDocument,
  MarkAnswerHelpfulDocument,
  MyAnswersDocument,
  MyQuestionsDocument,
  QuestionsListDocument,
  QuestionThreadDocument,
  ResolveQuestionDocument,
  SimilarQuestionsDocument,
  SituationsDocument,
} from '@plein/schema';
import { officialContacts, PersonalDataGuard } from '../src/services/personal-data.ts';
import { type ApiHarness, startApiHarness } from './api-harness.ts';
import { defineAskingSafelySuite } from './asking-safely-suite.ts';
import { freshPostgresDatabase, freshSqliteDatabase, postgresTestUrl } from './engines.ts';

defineAskingSafelySuite('SQLite', async () => freshSqliteDatabase());

const serverUrl = postgresTestUrl;
if (serverUrl) {
  defineAskingSafelySuite('PostgreSQL', () => freshPostgresDatabase(serverUrl));
} else {
  describe('asking safely on PostgreSQL', () => {
    it('was NOT tested: set PLEIN_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it', {
      skip: 'PLEIN_TEST_POSTGRES_URL is not set, so PostgreSQL was not tested',
    });
  });
}

describe('the personal-data step', () => {
  const guard = new PersonalDataGuard({ everywhere: ['Postbus 123'], byCommunity: officialContacts });

  it("keeps a community's own advice line, and only in that community", () => {
    const text = 'Bel gratis de advieslijn: 0800 - 0123.';
    assert.equal(guard.screen('eemsdelta', { text }).fields.text, text);
    assert.equal(
      guard.screen('andere', { text }).fields.text,
      'Bel gratis de advieslijn: [telefoonnummer verwijderd].',
    );
  });

  it('holds for a low-confidence name only, and leaves empty fields empty', () => {
    assert.deepEqual(guard.screen('x', { body: 'Groet, Petra', name: null }), {
      fields: { body: 'Groet, Petra', name: null },
      publication: 'HELD',
    });
    assert.deepEqual(guard.screen('x', { body: 'Groet, Petra de Boer' }), {
      fields: { body: 'Groet, [naam verwijderd]' },
      publication: 'PUBLISHED',
    });
  });
});

const gql = {
  ask: String(AskQuestionDocument),
  answer: String(AnswerQuestionDocument),
  thread: String(QuestionThreadDocument),
  list: String(QuestionsListDocument),
  similar: String(SimilarQuestionsDocument),
  myQuestions: String(MyQuestionsDocument),
  myAnswers: String(MyAnswersDocument),
  edit: String(EditQuestionDocument),
  remove: String(DeleteQuestionDocument),
  resolve: String(ResolveQuestionDocument),
  accept: String(AcceptAnswerDocument),
  helpful: String(MarkAnswerHelpfulDocument),
  situations: String(SituationsDocument),
};

let keys = 0;
const key = () => `api-safe-${++keys}-${Math.random().toString(36).slice(2)}`;

describe('asking safely through GraphQL', () => {
  let api: ApiHarness;
  before(async () => {
    api = await startApiHarness();
  });
  after(() => api.close());

  const ask = async (overrides: Record<string, unknown> = {}) => {
    const input = {
      community: 'testgemeente',
      topic: 'ww',
      title: 'Telt mijn vakantiegeld mee voor de WW?',
      body: 'Ik krijg in mei vakantiegeld. Wordt dat van mijn WW-uitkering afgehaald of niet?',
      idempotencyKey: key(),
      ...overrides,
    };
    const { body } = await api.graphql(gql.ask, { input });
    assert.deepEqual(body.data.askQuestion.errors, []);
    return body.data.askQuestion as { question: { id: string; [field: string]: unknown }; ownerToken: string };
  };
  const answer = async (questionId: string, text: string) => {
    const { body } = await api.graphql(gql.answer, { input: { questionId, body: text, idempotencyKey: key() } });
    assert.deepEqual(body.data.answerQuestion.errors, []);
    return body.data.answerQuestion as { answer: { id: string; publication: string }; ownerToken: string };
  };

  it('shows a held question only to its asker, as waiting, and nowhere else', async () => {
    const { question, ownerToken } = await ask({
      title: 'Een collega maakt het mij moeilijk',
      body: 'Meneer Pietersma van de planning roostert mij steeds in op mijn vrije dagen. Wat kan ik doen?',
    });
    assert.equal(question.publication, 'HELD');
    assert.ok(ownerToken);

    const listed = await api.graphql(gql.list, { community: 'testgemeente', first: 50 });
    const ids = listed.body.data.community.questions.edges.map((e: { node: { id: string } }) => e.node.id);
    assert.ok(!ids.includes(question.id));
    const searched = await api.graphql(gql.list, { community: 'testgemeente', search: 'roostert vrije dagen' });
    assert.deepEqual(searched.body.data.community.questions.edges, []);
    const similar = await api.graphql(gql.similar, {
      community: 'testgemeente',
      text: 'planning roostert vrije dagen',
    });
    assert.deepEqual(similar.body.data.community.similarQuestions, []);

    assert.equal((await api.graphql(gql.thread, { id: question.id })).body.data.question, null);
    const wrong = await api.graphql(gql.thread, { id: question.id, ownerToken: (await ask()).ownerToken });
    assert.equal(wrong.body.data.question, null);
    const own = await api.graphql(gql.thread, { id: question.id, ownerToken });
    assert.equal(own.body.data.question.publication, 'HELD');
    assert.equal(own.body.data.question.answers.totalCount, 0);

    const mine = await api.graphql(gql.myQuestions, { ownerTokens: [ownerToken] });
    assert.deepEqual(
      mine.body.data.myQuestions.map((q: { id: string; publication: string }) => [q.id, q.publication]),
      [[question.id, 'HELD']],
    );
    const tooMany = await api.graphql(gql.myQuestions, { ownerTokens: Array.from({ length: 51 }, () => ownerToken) });
    assert.equal(tooMany.body.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
  });

  it('stores a question with personal data replaced and says when it may be edited', async () => {
    const { question } = await ask({ body: 'Mijn BSN is 111222333 en mijn e-mail is iemand@example.org. Wat nu?' });
    assert.equal(question.body, 'Mijn BSN is [BSN verwijderd] en mijn e-mail is [e-mailadres verwijderd]. Wat nu?');
    assert.equal(question.publication, 'PUBLISHED');
    assert.equal(question.editedAt, null);
    assert.equal(Date.parse(question.editableUntil as string) - Date.parse(question.createdAt as string), 15 * 60_000);
  });

  it('lets the asker edit, resolve, accept and delete, and tells others in Dutch that they cannot', async () => {
    const { question, ownerToken } = await ask();
    const stranger = (await ask()).ownerToken;
    const edit = (token: string) =>
      api.graphql(gql.edit, {
        input: {
          questionId: question.id,
          ownerToken: token,
          title: 'Telt mijn vakantiegeld mee voor de WW-uitkering?',
          body: 'Ik krijg in mei vakantiegeld. Bel mij gerust op 06-12345678 als u het weet.',
          topic: 'ww',
        },
      });
    const refused = await edit(stranger);
    assert.deepEqual(refused.body.data.editQuestion, {
      question: null,
      errors: [
        { field: null, code: 'NOT_OWNER', message: 'Dit kan alleen op het apparaat waarmee de vraag is gesteld.' },
      ],
    });
    const edited = (await edit(ownerToken)).body.data.editQuestion;
    assert.deepEqual(edited.errors, []);
    assert.equal(
      edited.question.body,
      'Ik krijg in mei vakantiegeld. Bel mij gerust op [telefoonnummer verwijderd] als u het weet.',
    );
    assert.ok(edited.question.editedAt);

    const first = await answer(question.id, 'Vakantiegeld telt mee als inkomen, geef het door.');
    const second = await answer(question.id, 'Bij mij werd het ook verrekend met de WW.');
    assert.ok(first.ownerToken, 'an anonymous answer gets an owner token');
    const mine = await api.graphql(gql.myAnswers, { ownerTokens: [first.ownerToken] });
    assert.deepEqual(
      mine.body.data.myAnswers.map((a: { id: string; questionId: string }) => [a.id, a.questionId]),
      [[first.answer.id, question.id]],
    );

    const accepted = await api.graphql(gql.accept, { input: { answerId: second.answer.id, ownerToken } });
    assert.deepEqual(accepted.body.data.acceptAnswer.errors, []);
    assert.equal(accepted.body.data.acceptAnswer.question.status, 'RESOLVED');
    assert.equal(accepted.body.data.acceptAnswer.question.acceptedAnswer.id, second.answer.id);
    const thread = await api.graphql(gql.thread, { id: question.id, first: 10 });
    assert.deepEqual(
      thread.body.data.question.answers.edges.map((e: { node: { id: string; isAccepted: boolean } }) => [
        e.node.id,
        e.node.isAccepted,
      ]),
      [
        [second.answer.id, true],
        [first.answer.id, false],
      ],
    );

    const resolved = await api.graphql(gql.resolve, { input: { questionId: question.id, ownerToken } });
    assert.equal(resolved.body.data.resolveQuestion.question.status, 'RESOLVED');

    const english = await api.graphql(
      gql.remove,
      { input: { questionId: question.id, ownerToken: stranger } },
      { 'accept-language': 'en' },
    );
    assert.equal(
      english.body.data.deleteQuestion.errors[0].message,
      'This only works on the device the question was asked from.',
    );
    const deleted = await api.graphql(gql.remove, { input: { questionId: question.id, ownerToken } });
    assert.deepEqual(deleted.body.data.deleteQuestion, { deletedQuestionId: question.id, errors: [] });
    assert.equal((await api.graphql(gql.thread, { id: question.id })).body.data.question, null);
  });

  it('counts a helpful vote once per device', async () => {
    const { question } = await ask();
    const { answer: target } = await answer(question.id, 'Kijk in uw jaaropgaaf wat u kreeg.');
    const vote = (voterKey: string) => api.graphql(gql.helpful, { input: { answerId: target.id, voterKey } });
    const first = (await vote('0b6f7a52-5a0e-4c1e-9d0b-6f0c2b9f3a11')).body.data.markAnswerHelpful;
    const again = (await vote('0b6f7a52-5a0e-4c1e-9d0b-6f0c2b9f3a11')).body.data.markAnswerHelpful;
    const other = (await vote('5d1c7e0a-2b44-4a8e-8f77-0e2f1c7d9b22')).body.data.markAnswerHelpful;
    assert.deepEqual(
      [first, again, other].map((r) => [r.counted, r.answer.helpfulCount]),
      [
        [true, 1],
        [false, 1],
        [true, 2],
      ],
    );
    const bad = (await vote('kort')).body.data.markAnswerHelpful;
    assert.deepEqual(
      bad.errors.map((e: { code: string }) => e.code),
      ['INVALID_KEY'],
    );
  });

  it('gives the situations with their topics and question counts', async () => {
    const { body } = await api.graphql(gql.situations, { community: 'testgemeente' });
    const situations = body.data.community.situations;
    assert.deepEqual(
      situations.map((s: { title: string; topic: { slug: string } }) => [s.title, s.topic.slug]),
      [
        ['Ik ben ziek en mijn baan is in gevaar', 'ontslag'],
        ['Ik ben mijn baan kwijt', 'ww'],
      ],
    );
    assert.equal(situations[0].description, 'Lees wat uw werkgever wel en niet mag als u ziek bent.');
    assert.equal(situations[0].topic.questionCount, 2);
  });
});
