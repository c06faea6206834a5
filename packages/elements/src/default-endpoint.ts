let defaultEndpoint: string | undefined;

/** The embed bundle sets this to its own server's /graphql, so `community` alone is enough on a host page. */
export function setDefaultEndpoint(endpoint: string): void {
  defaultEndpoint = endpoint;
}

export function getDefaultEndpoint(): string | undefined {
  return defaultEndpoint;
}
