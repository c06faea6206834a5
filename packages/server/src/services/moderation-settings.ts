import type { ModerationSettingsRow, PreModeration } from '../store/database-schema.ts';
import type { PleinStore } from '../store/store.ts';

/** A community's pipeline settings, as the services and the GraphQL layer see them. */
export interface ModerationSettings {
  preModeration: PreModeration;
  /** This many unresolved flags hide published content until a moderator decides. */
  flagThreshold: number;
  /** Words that refuse a post outright. */
  blockedWords: string[];
  /** Words that hold a post for a moderator. */
  heldWords: string[];
}

/**
 * The settings of a community without a row: nothing is held in advance (the demo and existing communities keep
 * working as before), three flags hide content, and the word lists are empty. An admin chooses FIRST_POST or
 * EVERYTHING when the community needs it (docs/decisions/0014-moderation-pipeline.md).
 */
export const defaultModerationSettings: Readonly<ModerationSettings> = Object.freeze({
  preModeration: 'NONE',
  flagThreshold: 3,
  blockedWords: [],
  heldWords: [],
});

export function toModerationSettings(row: ModerationSettingsRow | undefined): ModerationSettings {
  if (!row) return { ...defaultModerationSettings, blockedWords: [], heldWords: [] };
  return {
    preModeration: row.pre_moderation,
    flagThreshold: row.flag_threshold,
    blockedWords: JSON.parse(row.blocked_words) as string[],
    heldWords: JSON.parse(row.held_words) as string[],
  };
}

export async function readModerationSettings(store: PleinStore, communityId: string): Promise<ModerationSettings> {
  return toModerationSettings(await store.moderationSettings(communityId));
}

export function toModerationSettingsRow(
  communityId: string,
  settings: ModerationSettings,
  updatedAt: string,
): ModerationSettingsRow {
  return {
    community_id: communityId,
    pre_moderation: settings.preModeration,
    flag_threshold: settings.flagThreshold,
    blocked_words: JSON.stringify(settings.blockedWords),
    held_words: JSON.stringify(settings.heldWords),
    updated_at: updatedAt,
  };
}
