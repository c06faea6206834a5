import type { contact as source } from '../nl/contact.ts';
import type { TranslationOf } from '../translation-types.ts';

export const contact: TranslationOf<typeof source> = {
  'contact.heading': 'Personal advice',
  'contact.intro':
    'Is your question about your own situation? Then an advisor helps you in person. Choose what suits you.',
  'contact.loading': 'Loading contact details…',
  'contact.failed': 'The contact details could not be loaded.',
  'contact.none': 'This community has no advice line, private questions or appointments right now.',
  'contact.errorSummary': 'Please check the following:',
  'contact.topic': 'Topic',
  'contact.topicChoose': 'Choose a topic',
  'contact.topicRequired': 'Please choose a topic.',
  'contact.emailRequired': 'Please fill in your e-mail address.',
  'contact.invalidEmail': 'This e-mail address is not right. Check it, for example name@example.com.',
  'contact.tooShort': (min) => `Write at least ${min} characters.`,
  'contact.tooLong': (max) => `Use no more than ${max} characters.`,
  'contact.dateAt': (day, time) => `${day} at ${time}`,

  'contact.phone.heading': 'Call the advice line',
  'contact.phone.hoursHeading': 'Opening hours',
  'contact.phone.day': 'Day',
  'contact.phone.times': 'Times',
  'contact.phone.hours': (opens, closes) => `${opens} to ${closes}`,
  'contact.phone.closed': 'Closed',
  'contact.phone.closedDaysHeading': 'Also closed',
  'contact.phone.closedOn': (date, reason) => (reason ? `Closed on ${date} (${reason})` : `Closed on ${date}`),

  'contact.private.heading': 'Ask your question privately',
  'contact.private.intro': (days) =>
    `Your question does not go on the forum. Only advisors read it. An advisor answers within ${days} working ${
      days === 1 ? 'day' : 'days'
    }. You get an e-mail when the answer is ready.`,
  'contact.private.body': 'Your question',
  'contact.private.bodyHint': 'Tell us what is going on and what you want to know.',
  'contact.private.email': 'Your e-mail address',
  'contact.private.emailHint':
    'We send a link to your question here, and a message when the answer is ready. Nobody else sees this address.',
  'contact.private.bodyRequired': 'Please write your question.',
  'contact.private.personalDataWhy':
    'Your question is private: only advisors read it. Still, only mention what is needed. Your citizen service number (BSN) is never needed.',
  'contact.private.privateNote': 'You chose a private question. Only advisors read this.',
  'contact.private.submit': 'Send your question',
  'contact.private.submitting': 'Sending your question…',
  'contact.private.sent': 'Look in your e-mail. There is a link to your question.',
  'contact.private.notSent': 'Your question has not been sent.',
  'contact.private.kept': 'Everything you typed is still there. You can try again.',
  'contact.private.draftRestored': 'We have put back the text you typed earlier.',
  'contact.private.draftDiscard': 'Clear this text',

  'contact.appointment.heading': 'Make an appointment',
  'contact.appointment.intro': (minutes) =>
    `Talk to an independent advisor, at the office, by video or by phone. A conversation takes ${minutes} minutes.`,
  'contact.appointment.topic': 'What do you want to talk about?',
  'contact.appointment.slots': 'Choose a time',
  'contact.appointment.chooseTopicFirst': 'First choose a topic. Then you see the free times.',
  'contact.appointment.slotsLoading': 'Loading free times…',
  'contact.appointment.slotsNone':
    'There are no free times for this topic right now. Call the advice line or ask your question privately.',
  'contact.appointment.slotsFailed': 'The free times could not be loaded.',
  'contact.appointment.slotRequired': 'Please choose a time.',
  'contact.appointment.slot': (day, start, end, mode, advisor) => `${day}, ${start} – ${end}, ${mode} with ${advisor}`,
  'contact.appointment.mode.VIDEO': 'video call',
  'contact.appointment.mode.PHONE': 'phone call',
  'contact.appointment.mode.IN_PERSON': 'meeting at the office',
  'contact.appointment.location': (location) => `Address: ${location}`,
  'contact.appointment.name': 'Your name or a pseudonym',
  'contact.appointment.nameHint': 'This is how the advisor addresses you.',
  'contact.appointment.nameRequired': 'Please fill in your name or a pseudonym.',
  'contact.appointment.email': 'Your e-mail address',
  'contact.appointment.emailHint': 'We send the appointment and a link to cancel it here.',
  'contact.appointment.note': 'Short explanation',
  'contact.appointment.noteHint': 'What do you want to talk about? A few words are enough. Your BSN is not needed.',
  'contact.appointment.submit': 'Make appointment',
  'contact.appointment.submitting': 'Making the appointment…',
  'contact.appointment.booked': 'Your appointment is made',
  'contact.appointment.bookedWhen': (when) => `${when}.`,
  'contact.appointment.bookedEmail':
    'You get an e-mail with the appointment for your calendar and a link to cancel it.',
  'contact.appointment.notBooked': 'The appointment has not been made.',
  'contact.appointment.kept': 'What you filled in is still there. You can try again.',
  'contact.appointment.slotsRefreshed': 'The list of free times has been updated.',

  'contact.thread.heading': 'Your private question',
  'contact.thread.loading': 'Loading your question…',
  'contact.thread.asked': (topic, date) => `${topic}, asked on ${date}`,
  'contact.thread.answersHeading': (count) => (count === 1 ? 'Answer' : `${count} answers`),
  'contact.thread.noAnswer': 'There is no answer yet. You get an e-mail when the answer is ready.',
  'contact.thread.answeredOn': (date) => `Answered on ${date}`,
  'contact.thread.deleteAfter': (date) => `This question and the answers will be deleted on ${date}.`,
  'contact.thread.keepEmail': 'Keep the e-mail with the link. Only with that link can you read your question again.',
  'contact.thread.invalid':
    'This link does not work (any more). Perhaps the question has already been deleted. You can ask a new question.',
  'contact.thread.newQuestion': 'Ask a new question',
  'contact.thread.failed': 'Your question could not be loaded.',

  'contact.compact.privateQuestion': 'Ask your question privately',
  'contact.compact.appointment': 'Make an appointment',
};
