// support_ticketing: tickets for the shop, travel and bank customers, agents and surveys.
// Chain: create_ticket → assign_ticket / add_ticket_comment / escalate_ticket → resolve_ticket → get_survey_response.

import { arr, bool, dateTime, fn, int, obj, oneOf, params, response, str, type DemoFunction } from '../schema';

const TICKET_STATUSES = ['open', 'pending', 'escalated', 'resolved', 'closed'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const CATEGORIES = ['billing', 'order', 'travel', 'account', 'technical', 'other'] as const;

const ticketId = (where: string) => str(`Ticket identifier from ${where}.`);

export const supportTicketing: DemoFunction[] = [
  fn(
    'create_ticket',
    'Open a support ticket for a customer. Link the order, booking, refund or transaction it is about so agents see the context.',
    params(
      {
        customer_id: str('Customer identifier from find_customer.'),
        subject: str('One-line summary of the problem.', { maxLength: 120 }),
        description: str("Full description in the customer's words."),
        category: oneOf('Area the problem belongs to; decides the routing queue.', CATEGORIES),
        priority: oneOf('Urgency.', PRIORITIES, { default: 'normal' }),
        order_id: str('Related shop order, from list_orders.'),
        booking_id: str('Related flight booking, from book_flight.'),
        refund_id: str('Related refund, from request_refund.'),
        transaction_id: str('Related bank transaction, from list_transactions.'),
      },
      ['customer_id', 'subject', 'description', 'category'],
    ),
    response({
      ticket_id: str('Ticket identifier, e.g. "TCK-10482".'),
      status: oneOf('State of the new ticket.', ['open']),
      priority: oneOf('Priority after triage rules.', PRIORITIES),
      created_at: dateTime('When the ticket was opened.'),
      sla_due_at: dateTime('Deadline for the first agent response.'),
    }),
  ),
  fn(
    'get_ticket',
    'Get a ticket with its status, assignee and linked records.',
    params({ ticket_id: ticketId('create_ticket, search_tickets, request_refund or dispute_transaction') }, [
      'ticket_id',
    ]),
    response({
      ticket_id: str('Ticket identifier.'),
      customer_id: str('Customer the ticket belongs to.'),
      subject: str('One-line summary.'),
      category: oneOf('Area of the problem.', CATEGORIES),
      status: oneOf('Ticket state.', TICKET_STATUSES),
      priority: oneOf('Urgency.', PRIORITIES),
      assignee_agent_id: str('Agent working on it; empty when unassigned.'),
      order_id: str('Linked shop order; empty when none.'),
      booking_id: str('Linked flight booking; empty when none.'),
      comment_count: int('Number of comments on the ticket.', { minimum: 0 }),
      updated_at: dateTime('Last change.'),
    }),
  ),
  fn(
    'search_tickets',
    'Search tickets by customer, status, priority or words in the subject, most recently updated first.',
    params(
      {
        customer_id: str('Only tickets of this customer, from find_customer or get_ticket.'),
        status: oneOf('Only tickets in this state.', TICKET_STATUSES),
        priority: oneOf('Only tickets with this priority.', PRIORITIES),
        query: str('Words to match in subject and description.'),
        limit: int('Maximum number of tickets.', { minimum: 1, maximum: 100, default: 20 }),
      },
      [],
    ),
    response({
      tickets: arr(
        obj(
          {
            ticket_id: str('Ticket identifier.'),
            subject: str('One-line summary.'),
            status: oneOf('Ticket state.', TICKET_STATUSES),
            priority: oneOf('Urgency.', PRIORITIES),
            updated_at: dateTime('Last change.'),
          },
          ['ticket_id', 'subject', 'status', 'priority', 'updated_at'],
        ),
        'Matching tickets.',
      ),
    }),
  ),
  fn(
    'add_ticket_comment',
    'Add a comment to a ticket. Public comments are emailed to the customer; internal notes are visible to agents only.',
    params(
      {
        ticket_id: ticketId('create_ticket or search_tickets'),
        body: str('Comment text, Markdown allowed.'),
        visibility: oneOf('Who can read it.', ['public', 'internal'], { default: 'public' }),
      },
      ['ticket_id', 'body'],
    ),
    response({
      comment_id: str('Comment identifier.'),
      ticket_id: str('Ticket commented on.'),
      created_at: dateTime('When the comment was added.'),
      notified_customer: bool('Whether the customer was emailed.'),
    }),
  ),
  fn(
    'list_agents',
    'List support agents of a team with their current workload.',
    params(
      {
        team: oneOf('Team to list.', ['billing', 'orders', 'travel', 'technical', 'escalations']),
        available_only: bool('Only agents online now.', { default: true }),
      },
      ['team'],
    ),
    response({
      agents: arr(
        obj(
          {
            agent_id: str('Agent identifier; pass it to assign_ticket.'),
            name: str('Display name.'),
            team: str('Team the agent belongs to.'),
            open_tickets: int('Tickets currently assigned.', { minimum: 0 }),
            languages: arr(str('ISO 639-1 language code.'), 'Languages the agent supports.'),
          },
          ['agent_id', 'name', 'team', 'open_tickets'],
        ),
        'Agents, least busy first.',
      ),
    }),
  ),
  fn(
    'assign_ticket',
    'Assign a ticket to an agent, moving it to pending.',
    params(
      {
        ticket_id: ticketId('create_ticket or search_tickets'),
        agent_id: str('Agent identifier from list_agents.'),
        note: str('Handover note for the agent.'),
      },
      ['ticket_id', 'agent_id'],
    ),
    response({
      ticket_id: str('Assigned ticket.'),
      assignee_agent_id: str('Agent now responsible.'),
      status: oneOf('Ticket state after assignment.', ['pending']),
      assigned_at: dateTime('When it was assigned.'),
    }),
  ),
  fn(
    'escalate_ticket',
    'Escalate a ticket to a higher support tier or a manager, raising its priority.',
    params(
      {
        ticket_id: ticketId('create_ticket or search_tickets'),
        level: oneOf('Where to escalate.', ['tier_2', 'tier_3', 'manager']),
        reason: str('Why the current tier cannot solve it.'),
      },
      ['ticket_id', 'level', 'reason'],
    ),
    response({
      ticket_id: str('Escalated ticket.'),
      escalation_id: str('Escalation record identifier.'),
      level: oneOf('Tier it went to.', ['tier_2', 'tier_3', 'manager']),
      new_priority: oneOf('Priority after escalation.', PRIORITIES),
      assignee_agent_id: str('Agent who received it.'),
    }),
  ),
  fn(
    'resolve_ticket',
    'Mark a ticket resolved with a resolution code and summary, and optionally send the customer a satisfaction survey.',
    params(
      {
        ticket_id: ticketId('create_ticket or search_tickets'),
        resolution_code: oneOf('How it was solved.', [
          'fixed',
          'refunded',
          'replaced',
          'no_action_needed',
          'duplicate',
        ]),
        resolution_summary: str('What was done, shown to the customer.'),
        send_survey: bool('Email a satisfaction survey.', { default: true }),
      },
      ['ticket_id', 'resolution_code', 'resolution_summary'],
    ),
    response({
      ticket_id: str('Resolved ticket.'),
      status: oneOf('New state.', ['resolved']),
      resolved_at: dateTime('When it was resolved.'),
      survey_id: str('Survey sent to the customer; empty when send_survey is false.'),
    }),
  ),
  fn(
    'merge_tickets',
    'Merge a duplicate ticket into a primary one: comments move over and the duplicate is closed.',
    params(
      {
        primary_ticket_id: str('Ticket that stays open, from search_tickets.'),
        duplicate_ticket_id: str('Ticket to merge and close, from search_tickets.'),
      },
      ['primary_ticket_id', 'duplicate_ticket_id'],
    ),
    response({
      primary_ticket_id: str('Ticket that stays open.'),
      merged_ticket_ids: arr(str('Ticket identifier.'), 'All tickets merged into the primary so far.'),
      status: oneOf('State of the primary ticket.', TICKET_STATUSES),
    }),
  ),
  fn(
    'get_survey_response',
    "Get the customer's answer to the satisfaction survey of a resolved ticket.",
    params({ survey_id: str('Survey identifier from resolve_ticket.') }, ['survey_id']),
    response({
      survey_id: str('Survey identifier.'),
      ticket_id: str('Ticket the survey is about.'),
      answered: bool('Whether the customer has answered yet.'),
      score: int('Satisfaction from 1 (very unhappy) to 5 (very happy); 0 when unanswered.', {
        minimum: 0,
        maximum: 5,
      }),
      comment: str("Customer's free-text comment."),
    }),
  ),
];
