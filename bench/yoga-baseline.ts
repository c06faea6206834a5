/**
 * The comparison for bench/server.bench.ts: bare graphql-yoga on node:http, reading Plein's SQLite file read-only
 * with hand-written SQL. It answers just the two benchmarked operations (QuestionsList with the default order, and
 * QuestionThread) with the same JSON as Plein, and has no caches or batching of its own.
 *
 *   node --import tsx bench/yoga-baseline.ts --database PATH --port PORT [--host 127.0.0.1]
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { editableUntil } from '../packages/server/src/services/question-service.ts';

const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
  },
  strict: true,
});
if (!options.database || !options.port) throw new Error('usage: yoga-baseline.ts --database PATH --port PORT');

const typeDefs = readFileSync(fileURLToPath(import.meta.resolve('@plein/schema/schema.graphql')), 'utf8');
const database = new BetterSqlite3(options.database, { readonly: true, fileMustExist: true });

interface CommunityRow {
  id: string;
  slug: string;
  name: string;
}

/** A question or answer joined with its author's expert profile (null columns for citizens). */
interface AuthorColumns {
  author_display_name: string;
  author_role: string;
  expert_id: string | null;
  expert_display_name: string | null;
  expert_title: string | null;
  expert_organisation: string | null;
  expert_independent: number | null;
  expert_verified: number | null;
}

interface QuestionRow extends AuthorColumns {
  id: string;
  title: string;
  body: string;
  status: string;
  publication: string;
  created_at: string;
  answer_count: number;
  has_expert_answer: number;
  helpful_count: number;
  accepted_answer_id: string | null;
  topic_id: string;
  topic_slug: string;
  topic_name: string;
}

interface AnswerRow extends AuthorColumns {
  id: string;
  body: string;
  is_expert: number;
  helpful_count: number;
  created_at: string;
}

const expertColumns = `e.id AS expert_id, e.display_name AS expert_display_name, e.title AS expert_title,
  e.organisation AS expert_organisation, e.independent AS expert_independent, e.verified AS expert_verified`;

const questionSelect = `SELECT q.id, q.title, q.body, q.status, q.publication, q.created_at, q.answer_count, q.has_expert_answer,
    q.helpful_count, q.accepted_answer_id, q.author_display_name, q.author_role,
    t.id AS topic_id, t.slug AS topic_slug, t.name AS topic_name, ${expertColumns}
  FROM questions q
  JOIN topics t ON t.id = q.topic_id
  LEFT JOIN experts e ON e.id = q.author_expert_id`;

const answerSelect = `SELECT a.id, a.body, a.is_expert, a.helpful_count, a.created_at, a.author_display_name,
    a.author_role, ${expertColumns}
  FROM answers a
  LEFT JOIN experts e ON e.id = a.author_expert_id`;

const statements = {
  communityBySlug: database.prepare<[string], CommunityRow>('SELECT id, slug, name FROM communities WHERE slug = ?'),
  questionById: database.prepare<[string], QuestionRow>(`${questionSelect} WHERE q.id = ?`),
  newestQuestions: database.prepare<[string, number], QuestionRow>(
    `${questionSelect} WHERE q.community_id = ? ORDER BY q.created_at DESC, q.id DESC LIMIT ?`,
  ),
  newestQuestionsAfter: database.prepare<[string, string, string, number], QuestionRow>(
    `${questionSelect} WHERE q.community_id = ? AND (q.created_at, q.id) < (?, ?)
      ORDER BY q.created_at DESC, q.id DESC LIMIT ?`,
  ),
  questionCount: database.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM questions WHERE community_id = ?',
  ),
  answers: database.prepare<[string, number], AnswerRow>(
    `${answerSelect} WHERE a.question_id = ? ORDER BY a.is_expert DESC, a.created_at ASC, a.id ASC LIMIT ?`,
  ),
  answersAfter: database.prepare<[string, number, number, string, string, number], AnswerRow>(
    `${answerSelect} WHERE a.question_id = ? AND (a.is_expert < ? OR (a.is_expert = ? AND (a.created_at, a.id) > (?, ?)))
      ORDER BY a.is_expert DESC, a.created_at ASC, a.id ASC LIMIT ?`,
  ),
  answerCount: database.prepare<[string], { count: number }>(
    'SELECT count(*) AS count FROM answers WHERE question_id = ?',
  ),
};

// Cursors are Plein's format (base64url of a JSON array), so pageInfo and edge cursors compare equal.
function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, order: string, length: number): (string | number)[] {
  const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Array.isArray(values) || values.length !== length + 1 || values[0] !== order) {
    throw new GraphQLError('invalid cursor');
  }
  return values.slice(1) as (string | number)[];
}

function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1) throw new GraphQLError('first must be at least 1');
  return Math.min(size, 50);
}

function connection<Row, Node>(rows: Row[], size: number, cursor: (row: Row) => string, toNode: (row: Row) => Node) {
  const edges = rows.slice(0, size).map((row) => ({ cursor: cursor(row), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function toAuthor(row: AuthorColumns) {
  return {
    displayName: row.author_display_name,
    role: row.author_role,
    expert:
      row.expert_id === null
        ? null
        : {
            id: row.expert_id,
            displayName: row.expert_display_name,
            title: row.expert_title,
            organisation: row.expert_organisation,
            independent: row.expert_independent === 1,
            verified: row.expert_verified === 1,
          },
  };
}

function toQuestion(row: QuestionRow) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    publication: row.publication,
    editableUntil: editableUntil(row.created_at),
    createdAt: row.created_at,
    answerCount: row.answer_count,
    hasExpertAnswer: row.has_expert_answer === 1,
    helpfulCount: row.helpful_count,
    acceptedAnswerId: row.accepted_answer_id,
    topic: { id: row.topic_id, slug: row.topic_slug, name: row.topic_name },
    author: toAuthor(row),
  };
}

type Question = ReturnType<typeof toQuestion>;

interface QuestionsArgs {
  topic?: string | null;
  search?: string | null;
  status?: string | null;
  orderBy?: string | null;
  first?: number | null;
  after?: string | null;
}

const schema = createSchema({
  typeDefs,
  resolvers: {
    Query: {
      community: (_root: unknown, { slug }: { slug: string }) => statements.communityBySlug.get(slug) ?? null,
      question: (_root: unknown, { id }: { id: string }) => {
        const row = statements.questionById.get(id);
        return row ? toQuestion(row) : null;
      },
    },
    Community: {
      questions: (community: CommunityRow, args: QuestionsArgs) => {
        if (args.topic || args.search || args.status || (args.orderBy ?? 'NEWEST') !== 'NEWEST') {
          throw new GraphQLError('The yoga baseline only lists the newest questions, without filters.');
        }
        const size = pageSize(args.first);
        let rows: QuestionRow[];
        if (args.after) {
          const [createdAt, id] = decodeCursor(args.after, 'NEWEST', 2) as [string, string];
          rows = statements.newestQuestionsAfter.all(community.id, createdAt, id, size + 1);
        } else {
          rows = statements.newestQuestions.all(community.id, size + 1);
        }
        return {
          ...connection(rows, size, (row) => encodeCursor(['NEWEST', row.created_at, row.id]), toQuestion),
          // graphql-js calls a function-valued field, so the count query runs only when totalCount is selected.
          totalCount: () => statements.questionCount.get(community.id)?.count ?? 0,
        };
      },
    },
    Question: {
      answers: (question: Question, args: { first?: number | null; after?: string | null }) => {
        const size = pageSize(args.first);
        let rows: AnswerRow[];
        if (args.after) {
          const [isExpert, createdAt, id] = decodeCursor(args.after, 'ANSWERS', 3) as [number, string, string];
          rows = statements.answersAfter.all(question.id, isExpert, isExpert, createdAt, id, size + 1);
        } else {
          rows = statements.answers.all(question.id, size + 1);
        }
        const toAnswer = (row: AnswerRow) => ({
          id: row.id,
          body: row.body,
          createdAt: row.created_at,
          isAccepted: row.id === question.acceptedAnswerId,
          helpfulCount: row.helpful_count,
          // Only published answers are read; the fields Plein fills from a moderator or an expert stay empty here.
          publication: 'PUBLISHED',
          questionId: question.id,
          handOff: [],
          author: toAuthor(row),
        });
        return {
          ...connection(
            rows,
            size,
            (row) => encodeCursor(['ANSWERS', row.is_expert, row.created_at, row.id]),
            toAnswer,
          ),
          totalCount: () => statements.answerCount.get(question.id)?.count ?? 0,
        };
      },
    },
  },
});

const yoga = createYoga({ schema, graphiql: false, landingPage: false, logging: 'warn' });
const server = createServer(yoga);
server.listen(Number(options.port), options.host, () => {
  console.log(`yoga baseline on http://${options.host}:${options.port}/graphql`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => {
    database.close();
    process.exit(0);
  });
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
