/**
 * A calendar file (RFC 5545) for one appointment, written by hand: one event, times in UTC, nothing else. Calendar
 * programs (Outlook, Google, Apple) import it from the confirmation e-mail. With METHOD:PUBLISH it is a plain event
 * to add, not an invitation that asks for an answer.
 */
export interface CalendarEvent {
  /** Unique and stable for the appointment, for example `<id>@plein.example.org`. */
  uid: string;
  /** When the file was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  /** An address, or a word such as "Videogesprek" or "Telefonisch". */
  location: string;
  description: string;
  /** Optional: who organises it, as a name and an e-mail address. */
  organizer?: { name: string; email: string };
}

const CRLF = '\r\n';
/** Lines are folded before they pass 75 octets (RFC 5545, 3.1). */
const MAX_OCTETS = 75;

/** `20261103T090000Z`: a DATE-TIME in UTC. */
export function icsDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon and comma, and write line breaks as `\n` (RFC 5545, 3.3.11). */
export function escapeIcsText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into pieces of at most 75 octets: every piece after the first starts with a space, which
 * counts towards its 75. A character of several UTF-8 bytes is never split.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      pieces.push(piece);
      piece = ' ';
      octets = 1;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join(CRLF);
}

/** A parameter value in quotes when it holds `:`, `;` or `,`; quotes themselves cannot be written and are dropped. */
function parameterValue(value: string): string {
  const clean = value.replace(/["\r\n]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** The whole file: CRLF after every line, the last one included. */
export function calendarFile(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plein//Afspraken//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `LOCATION:${escapeIcsText(event.location)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.organizer
      ? [`ORGANIZER;CN=${parameterValue(event.organizer.name)}:mailto:${event.organizer.email}`]
      : []),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
