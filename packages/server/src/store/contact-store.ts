import type { Kysely, Transaction } from 'kysely';
import type { ContactChannelsRow, Database } from './database-schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The SQL of a community's contact channels (services/contact-service.ts holds the rules): one row per community,
 * each channel a JSON column that is null when the community does not offer it.
 */
export class ContactStore {
  constructor(private readonly db: Executor) {}

  /** The community's row; undefined when staff never set the channels. */
  channels(communityId: string): Promise<ContactChannelsRow | undefined> {
    return this.db
      .selectFrom('contact_channels')
      .selectAll()
      .where('community_id', '=', communityId)
      .executeTakeFirst();
  }

  /** Stores the channels as a whole: a channel that is null is switched off. */
  async saveChannels(row: ContactChannelsRow): Promise<void> {
    await this.db
      .insertInto('contact_channels')
      .values(row)
      .onConflict((oc) =>
        oc.column('community_id').doUpdateSet({
          advice_line: row.advice_line,
          email_service: row.email_service,
          appointments: row.appointments,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  }
}
