import { Task, TaskStatus } from '@lit/task';
import { type ExpertProfile, type PleinClient, PleinExpertChangeEvent } from '@plein/client';
import { limits } from '@plein/schema';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { photoSource } from '../components/expert/expert-card.ts';
import { type FieldErrors, fieldErrorsFrom, hasErrors } from '../form/field-errors.ts';
import type { LocalizeController } from '../localize/localize-controller.ts';

export interface ExpertRequest {
  client: PleinClient | undefined;
  expertId: string;
}

/**
 * The profile behind `<plein-expert>`: the expert (a new id aborts the request in flight), and whether the person
 * signed in is this expert, read from the client's session (no request) and read again when someone signs in or out
 * (`plein-session-change` on the client). A profile saved anywhere on the page (`plein-expert-change`) replaces the
 * one shown.
 */
export class ExpertController implements ReactiveController {
  private readonly profile: Task<[PleinClient | undefined, string], ExpertProfile | undefined>;
  /** A newer profile than the one loaded: saved on this page. */
  private saved: ExpertProfile | undefined;
  private listenedClient: PleinClient | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly request: () => ExpertRequest,
  ) {
    host.addController(this);
    this.profile = new Task(host, {
      args: () => {
        const { client, expertId } = this.request();
        return [client, expertId] as [PleinClient | undefined, string];
      },
      task: async ([client, expertId], { signal }) => {
        this.saved = undefined;
        if (!client || !expertId) return undefined;
        this.listenTo(client);
        return client.expertProfile(expertId, { signal });
      },
    });
  }

  hostConnected(): void {
    this.connected = true;
    this.listenedClient?.addEventListener('plein-session-change', this.onSessionChange);
    this.listenedClient?.addEventListener('plein-expert-change', this.onExpertChange);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listenedClient?.removeEventListener('plein-session-change', this.onSessionChange);
    this.listenedClient?.removeEventListener('plein-expert-change', this.onExpertChange);
  }

  get status(): TaskStatus {
    return this.profile.status;
  }

  get error(): unknown {
    return this.profile.error;
  }

  /** The expert asked for; undefined while another one's profile is still the last one loaded. */
  get expert(): ExpertProfile | undefined {
    const expert = this.saved ?? this.profile.value;
    return expert && String(expert.id) === String(this.request().expertId) ? expert : undefined;
  }

  /**
   * True when the person signed in is this expert: they may change the profile. The server checks again on save; a
   * session it no longer knows ends there, and the button goes with it.
   */
  get ownProfile(): boolean {
    const expertId = this.request().client?.currentSession()?.viewer.expertId;
    const expert = this.expert;
    return Boolean(expert && expertId && String(expertId) === String(expert.id));
  }

  retry(): Promise<unknown> {
    return this.profile.run();
  }

  /** The profile as the server returned it after a save here. */
  show(expert: ExpertProfile): void {
    this.saved = expert;
    this.host.requestUpdate();
  }

  private listenTo(client: PleinClient): void {
    if (this.listenedClient === client) return;
    this.listenedClient?.removeEventListener('plein-session-change', this.onSessionChange);
    this.listenedClient?.removeEventListener('plein-expert-change', this.onExpertChange);
    this.listenedClient = client;
    if (!this.connected) return;
    client.addEventListener('plein-session-change', this.onSessionChange);
    client.addEventListener('plein-expert-change', this.onExpertChange);
  }

  private readonly onSessionChange = () => this.host.requestUpdate();

  private readonly onExpertChange = (event: Event) => {
    if (!(event instanceof PleinExpertChangeEvent)) return;
    if (String(event.expert.id) === String(this.request().expertId)) this.show(event.expert);
  };
}

export const profileFields = ['displayName', 'title', 'bio', 'photoUrl', 'photoAlt'] as const;
export type ProfileField = (typeof profileFields)[number];
export type ProfileFields = Record<ProfileField, string>;

/**
 * Lengths the form holds the fields to: the server's own (`@plein/schema`'s limits). The server checks again and its
 * field errors are shown the same way; these only save a round trip.
 */
export const profileLimits: Record<ProfileField, { max: number }> = {
  displayName: limits.expertDisplayName,
  title: limits.expertTitle,
  bio: limits.expertBio,
  photoUrl: limits.expertPhotoUrl,
  photoAlt: limits.expertPhotoAlt,
};

export type ProfileSaveOutcome = 'saved' | 'invalid' | 'failed' | 'ignored';

const emptyFields = (): ProfileFields => ({ displayName: '', title: '', bio: '', photoUrl: '', photoAlt: '' });

/**
 * The expert's own profile form: what was typed (kept whatever happens until it is saved or canceled), field errors
 * from the form or the server, and one save at a time.
 */
export class ProfileFormController {
  editing = false;
  saving = false;
  fields: ProfileFields = emptyFields();
  errors: FieldErrors = {};
  /** Why the last save failed (network, session ended, refused); the text stays in the fields. */
  failure: unknown = undefined;
  /** The photo address the server holds now: kept as it is, it is not checked again. */
  private currentPhotoUrl = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly localize: LocalizeController,
  ) {}

  start(expert: ExpertProfile): void {
    this.fields = {
      displayName: expert.displayName,
      title: expert.title ?? '',
      bio: expert.bio ?? '',
      photoUrl: expert.photoUrl ?? '',
      photoAlt: expert.photoAlt ?? '',
    };
    this.currentPhotoUrl = expert.photoUrl ?? '';
    this.errors = {};
    this.failure = undefined;
    this.editing = true;
    this.host.requestUpdate();
  }

  cancel(): void {
    this.editing = false;
    this.errors = {};
    this.failure = undefined;
    this.host.requestUpdate();
  }

  set(field: ProfileField, value: string): void {
    this.fields = { ...this.fields, [field]: value };
    this.host.requestUpdate();
  }

  async save(client: PleinClient | undefined): Promise<{ outcome: ProfileSaveOutcome; expert?: ExpertProfile }> {
    if (this.saving || !client || !this.editing) return { outcome: 'ignored' };
    this.failure = undefined;
    this.errors = this.validate();
    if (hasErrors(this.errors)) {
      this.host.requestUpdate();
      return { outcome: 'invalid' };
    }
    const trimmed = (value: string) => value.trim() || null;
    this.saving = true;
    this.host.requestUpdate();
    try {
      const payload = await client.updateMyProfile({
        displayName: this.fields.displayName.trim(),
        title: trimmed(this.fields.title),
        bio: trimmed(this.fields.bio),
        photoUrl: trimmed(this.fields.photoUrl),
        photoAlt: this.fields.photoUrl.trim() ? trimmed(this.fields.photoAlt) : null,
      });
      if (payload.expert) {
        this.editing = false;
        return { outcome: 'saved', expert: payload.expert };
      }
      this.errors = fieldErrorsFrom(payload.errors);
      return { outcome: 'invalid' };
    } catch (error) {
      this.failure = error;
      return { outcome: 'failed' };
    } finally {
      this.saving = false;
      this.host.requestUpdate();
    }
  }

  private validate(): FieldErrors {
    const errors: FieldErrors = {};
    const { fields } = this;
    if (!fields.displayName.trim()) errors.displayName = this.localize.t('expert.edit.displayNameRequired');
    const photoUrl = fields.photoUrl.trim();
    const changedPhoto = photoUrl !== this.currentPhotoUrl.trim();
    for (const field of profileFields) {
      // The photo address the server holds now is its business: only a new one is checked here.
      if (field === 'photoUrl' && !changedPhoto) continue;
      const { max } = profileLimits[field];
      if (!errors[field] && fields[field].trim().length > max)
        errors[field] = this.localize.t('expert.edit.tooLong', max);
    }
    if (photoUrl && changedPhoto && !errors.photoUrl && (!/^https:\/\//i.test(photoUrl) || !photoSource(photoUrl))) {
      errors.photoUrl = this.localize.t('expert.edit.photoUrlInvalid');
    }
    if (photoUrl && !fields.photoAlt.trim() && !errors.photoAlt) {
      errors.photoAlt = this.localize.t('expert.edit.photoAltRequired');
    }
    return errors;
  }
}
