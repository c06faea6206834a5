/**
 * A citizen chose a situation in `<plein-topics>`. Cancel it (`preventDefault()`) to route yourself; otherwise the
 * link is followed (with `topic-href`), or the `<plein-questions>` in the same `<plein-community>` show that topic.
 */
export class PleinTopicOpenEvent extends Event {
  constructor(
    /** The topic's slug, for example `ziek-in-dienst`: the filter for `<plein-questions topic="…">`. */
    readonly topic: string,
    /** The situation's slug, for example `ziek-baan-in-gevaar`. */
    readonly situation: string,
    /** The situation as the citizen read it, for example "Ik ben ziek en mijn baan is in gevaar". */
    readonly title: string,
  ) {
    super('plein-topic-open', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plein-topic-open': PleinTopicOpenEvent;
  }
}
