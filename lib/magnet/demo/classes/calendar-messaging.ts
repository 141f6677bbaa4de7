// calendar_messaging: contacts, messages and calendar events.
// Chain: find_contact → find_free_slots → create_event → invite_attendees / set_reminder;
// find_contact → send_message → get_message → reply_to_message.

import { arr, bool, date, dateTime, fn, int, obj, oneOf, params, response, str, type DemoFunction } from '../schema';

const CHANNELS = ['email', 'sms', 'chat'] as const;
const RSVP = ['accepted', 'declined', 'tentative', 'no_response'] as const;

export const calendarMessaging: DemoFunction[] = [
  fn(
    'find_contact',
    "Search the user's address book by name, email, phone or company.",
    params(
      {
        query: str('Name, email address, phone number or company to match, e.g. "Dana from Acme".'),
        limit: int('Maximum number of contacts.', { minimum: 1, maximum: 25, default: 5 }),
      },
      ['query'],
    ),
    response({
      contacts: arr(
        obj(
          {
            contact_id: str('Contact identifier; pass it to send_message, find_free_slots or invite_attendees.'),
            name: str('Display name.'),
            email: str('Primary email address.', { format: 'email' }),
            phone: str('Phone number in E.164 format.', { pattern: '^\\+[1-9][0-9]{6,14}$' }),
            company: str('Company, empty when unknown.'),
          },
          ['contact_id', 'name'],
        ),
        'Best matches first.',
      ),
    }),
  ),
  fn(
    'send_message',
    'Send a message to a contact by email, SMS or chat. Starts a conversation or continues the open one.',
    params(
      {
        contact_id: str('Recipient, from find_contact.'),
        body: str('Message text. For SMS, longer texts are split into several parts.'),
        channel: oneOf('How to deliver it.', CHANNELS, { default: 'chat' }),
        subject: str('Subject line; used for email only.'),
      },
      ['contact_id', 'body'],
    ),
    response({
      message_id: str('Message identifier.'),
      conversation_id: str('Conversation the message belongs to.'),
      status: oneOf('Delivery state.', ['sent', 'queued', 'failed']),
      sent_at: dateTime('When it was sent.'),
    }),
  ),
  fn(
    'get_message',
    'Get one message with its sender, text and read state.',
    params({ message_id: str('Message identifier from send_message or list_conversation_messages.') }, ['message_id']),
    response({
      message_id: str('Message identifier.'),
      conversation_id: str('Conversation it belongs to.'),
      from_contact_id: str('Sender; use as contact_id to write back.'),
      body: str('Message text.'),
      channel: oneOf('Delivery channel.', CHANNELS),
      sent_at: dateTime('When it was sent.'),
      read: bool('Whether the recipient has read it.'),
    }),
  ),
  fn(
    'list_conversation_messages',
    'List the messages of a conversation, newest first.',
    params(
      {
        conversation_id: str('Conversation identifier from send_message or get_message.'),
        limit: int('Maximum number of messages.', { minimum: 1, maximum: 100, default: 20 }),
        before: dateTime('Only messages sent before this time, for paging.'),
      },
      ['conversation_id'],
    ),
    response({
      messages: arr(
        obj(
          {
            message_id: str('Message identifier.'),
            from_contact_id: str('Sender.'),
            body: str('Message text.'),
            sent_at: dateTime('When it was sent.'),
          },
          ['message_id', 'from_contact_id', 'body', 'sent_at'],
        ),
        'Messages, newest first.',
      ),
    }),
  ),
  fn(
    'reply_to_message',
    'Reply to a message in its conversation, on the channel it arrived on.',
    params(
      {
        message_id: str('Message to answer, from get_message or list_conversation_messages.'),
        body: str('Reply text.'),
      },
      ['message_id', 'body'],
    ),
    response({
      message_id: str('Identifier of the reply.'),
      conversation_id: str('Conversation of the reply.'),
      in_reply_to: str('Message answered.'),
      sent_at: dateTime('When the reply was sent.'),
    }),
  ),
  fn(
    'find_free_slots',
    "Find time slots on a day when the user and all the given contacts are free, from everyone's calendars.",
    params(
      {
        contact_ids: arr(str('Contact identifier from find_contact.'), 'People who must attend.', { minItems: 1 }),
        date: date('Day to search, YYYY-MM-DD.'),
        duration_minutes: int('Length of the meeting.', { minimum: 15, maximum: 480, default: 30 }),
        timezone: str('IANA time zone for the returned times, e.g. "America/New_York".', { default: 'UTC' }),
        working_hours_only: bool('Only slots between 09:00 and 18:00 local time.', { default: true }),
      },
      ['contact_ids', 'date'],
    ),
    response({
      slots: arr(
        obj(
          {
            start_time: dateTime('Slot start, ISO 8601 with offset.'),
            end_time: dateTime('Slot end, ISO 8601 with offset.'),
          },
          ['start_time', 'end_time'],
        ),
        'Free slots, earliest first.',
      ),
    }),
  ),
  fn(
    'create_event',
    "Create an event in the user's calendar and optionally invite contacts at once.",
    params(
      {
        title: str('Event title.'),
        start_time: dateTime('Start, ISO 8601 with offset.'),
        end_time: dateTime('End, ISO 8601 with offset; after start_time.'),
        location: str('Address, room or video-call link.'),
        description: str('Agenda or notes.'),
        attendee_contact_ids: arr(str('Contact identifier from find_contact.'), 'Contacts to invite.'),
      },
      ['title', 'start_time', 'end_time'],
    ),
    response({
      event_id: str('Event identifier; pass it to get_event, update_event, invite_attendees or set_reminder.'),
      title: str('Event title.'),
      start_time: dateTime('Start.'),
      end_time: dateTime('End.'),
      calendar_link: str('Link to open the event in the calendar app.', { format: 'uri' }),
    }),
  ),
  fn(
    'get_event',
    'Get a calendar event with its attendees and their responses.',
    params({ event_id: str('Event identifier from create_event.') }, ['event_id']),
    response({
      event_id: str('Event identifier.'),
      title: str('Event title.'),
      start_time: dateTime('Start.'),
      end_time: dateTime('End.'),
      location: str('Location, empty when none.'),
      organizer_contact_id: str('Contact who organizes it.'),
      attendees: arr(
        obj(
          {
            contact_id: str('Invited contact.'),
            response: oneOf('RSVP state.', RSVP),
          },
          ['contact_id', 'response'],
        ),
        'Invited contacts.',
      ),
    }),
  ),
  fn(
    'update_event',
    'Change the title, time or location of an event; attendees are notified of time changes.',
    params(
      {
        event_id: str('Event identifier from create_event.'),
        title: str('New title.'),
        start_time: dateTime('New start, ISO 8601 with offset.'),
        end_time: dateTime('New end, ISO 8601 with offset.'),
        location: str('New location.'),
      },
      ['event_id'],
    ),
    response({
      event_id: str('Updated event.'),
      updated_fields: arr(str('Field name.'), 'Fields that changed.'),
      start_time: dateTime('Start after the update.'),
      end_time: dateTime('End after the update.'),
    }),
  ),
  fn(
    'invite_attendees',
    'Invite contacts to an existing event, with an optional personal note in the invitation.',
    params(
      {
        event_id: str('Event identifier from create_event.'),
        contact_ids: arr(str('Contact identifier from find_contact.'), 'Contacts to invite.', { minItems: 1 }),
        message: str('Note added to the invitation.'),
      },
      ['event_id', 'contact_ids'],
    ),
    response({
      event_id: str('Event.'),
      invited: arr(
        obj(
          {
            contact_id: str('Invited contact.'),
            status: oneOf('Invitation result.', ['invited', 'already_invited', 'failed']),
          },
          ['contact_id', 'status'],
        ),
        'One entry per contact.',
      ),
    }),
  ),
  fn(
    'set_reminder',
    'Set a reminder before an event starts.',
    params(
      {
        event_id: str('Event identifier from create_event.'),
        minutes_before: int('How long before the start to remind.', { minimum: 0, maximum: 10080, default: 15 }),
        channel: oneOf('How to remind.', ['push', 'email', 'sms'], { default: 'push' }),
      },
      ['event_id'],
    ),
    response({
      reminder_id: str('Reminder identifier.'),
      event_id: str('Event.'),
      remind_at: dateTime('When the reminder fires.'),
    }),
  ),
];
