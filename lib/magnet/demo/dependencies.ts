// The output→input links designed into the demo library. The graph stage must be able to
// rediscover these (by heuristic or LLM judge); tests check each one against the schemas.
// Kinds follow the Magnet edge labels: full (the output is the input), partial (the output is
// part of the input: an element of an array, a date inside a datetime, a code inside a text),
// prerequisite (A must run before B; here it also hands over a token).

export type DemoDependencyKind = 'full' | 'partial' | 'prerequisite';

export interface DemoDependency {
  /** Function whose output is used. */
  from: string;
  /** Function whose input takes it. */
  to: string;
  /** Property name in `from`'s response (possibly nested in objects or array items). */
  field: string;
  /** Property name in `to`'s parameters (possibly nested in objects or array items). */
  param: string;
  kind: DemoDependencyKind;
}

const d = (
  from: string,
  field: string,
  to: string,
  param: string,
  kind: DemoDependencyKind = 'full',
): DemoDependency => ({
  from,
  to,
  field,
  param,
  kind,
});

export const DEMO_DEPENDENCIES: DemoDependency[] = [
  // travel_booking
  d('get_airport_code', 'airport_code', 'search_flights', 'origin'),
  d('get_airport_code', 'airport_code', 'search_flights', 'destination'),
  d('search_flights', 'flight_id', 'get_flight_details', 'flight_id'),
  d('search_flights', 'flight_id', 'get_seat_map', 'flight_id'),
  d('search_flights', 'flight_id', 'book_flight', 'flight_id'),
  d('get_booking', 'flight_id', 'get_flight_details', 'flight_id'),
  d('get_booking', 'flight_id', 'get_seat_map', 'flight_id'),
  d('get_seat_map', 'seat_number', 'select_seat', 'seat_number'),
  d('book_flight', 'booking_id', 'select_seat', 'booking_id'),
  d('book_flight', 'booking_id', 'get_booking', 'booking_id'),
  d('book_flight', 'booking_id', 'cancel_booking', 'booking_id'),
  d('book_flight', 'booking_id', 'purchase_insurance', 'booking_id'),
  d('get_flight_details', 'destination_city', 'search_hotels', 'city'),
  d('get_flight_details', 'arrival_time', 'search_hotels', 'check_in_date', 'partial'),
  d('search_hotels', 'hotel_id', 'book_hotel', 'hotel_id'),
  d('book_hotel', 'reservation_id', 'cancel_hotel_reservation', 'reservation_id'),

  // ecommerce_orders
  d('find_customer', 'customer_id', 'list_addresses', 'customer_id'),
  d('find_customer', 'customer_id', 'list_orders', 'customer_id'),
  d('find_customer', 'customer_id', 'validate_coupon', 'customer_id'),
  d('find_customer', 'customer_id', 'place_order', 'customer_id'),
  d('find_customer', 'default_address_id', 'place_order', 'shipping_address_id'),
  d('list_addresses', 'address_id', 'place_order', 'shipping_address_id'),
  d('search_products', 'product_id', 'get_product', 'product_id'),
  d('search_products', 'product_id', 'place_order', 'product_id', 'partial'),
  d('get_product', 'sku', 'place_order', 'sku', 'partial'),
  d('validate_coupon', 'coupon_code', 'place_order', 'coupon_code', 'prerequisite'),
  d('place_order', 'order_id', 'get_order', 'order_id'),
  d('place_order', 'order_id', 'cancel_order', 'order_id'),
  d('list_orders', 'order_id', 'get_order', 'order_id'),
  d('list_orders', 'order_id', 'cancel_order', 'order_id'),
  d('list_orders', 'order_id', 'request_refund', 'order_id'),
  d('get_order', 'shipment_id', 'track_shipment', 'shipment_id'),
  d('get_order', 'product_id', 'request_refund', 'product_id'),
  d('get_order', 'product_id', 'get_product', 'product_id'),
  d('request_refund', 'refund_id', 'get_refund_status', 'refund_id'),
  d('cancel_order', 'refund_id', 'get_refund_status', 'refund_id'),

  // banking_payments
  d('get_account_by_number', 'account_id', 'verify_identity', 'account_id'),
  d('get_account_by_number', 'account_id', 'get_balance', 'account_id'),
  d('get_account_by_number', 'account_id', 'list_transactions', 'account_id'),
  d('get_account_by_number', 'account_id', 'list_cards', 'account_id'),
  d('get_account_by_number', 'account_id', 'transfer_funds', 'from_account_id'),
  d('get_account_by_number', 'account_id', 'transfer_funds', 'to_account_id'),
  d('get_account_by_number', 'currency', 'get_exchange_rate', 'base_currency'),
  d('verify_identity', 'verification_token', 'transfer_funds', 'verification_token', 'prerequisite'),
  d('verify_identity', 'verification_token', 'freeze_card', 'verification_token', 'prerequisite'),
  d('verify_identity', 'verification_token', 'dispute_transaction', 'verification_token', 'prerequisite'),
  d('get_balance', 'currency', 'convert_currency', 'from_currency'),
  d('get_exchange_rate', 'quote_currency', 'convert_currency', 'to_currency'),
  d('get_balance', 'available_balance', 'convert_currency', 'amount'),
  d('list_transactions', 'transaction_id', 'get_transaction', 'transaction_id'),
  d('list_transactions', 'transaction_id', 'dispute_transaction', 'transaction_id'),
  d('transfer_funds', 'transfer_id', 'get_transfer_status', 'transfer_id'),
  d('convert_currency', 'converted_amount', 'transfer_funds', 'amount'),
  d('convert_currency', 'to_currency', 'transfer_funds', 'currency'),
  d('list_cards', 'card_id', 'freeze_card', 'card_id'),
  d('get_transaction', 'card_id', 'freeze_card', 'card_id'),

  // support_ticketing
  d('create_ticket', 'ticket_id', 'get_ticket', 'ticket_id'),
  d('create_ticket', 'ticket_id', 'add_ticket_comment', 'ticket_id'),
  d('create_ticket', 'ticket_id', 'assign_ticket', 'ticket_id'),
  d('create_ticket', 'ticket_id', 'escalate_ticket', 'ticket_id'),
  d('create_ticket', 'ticket_id', 'resolve_ticket', 'ticket_id'),
  d('search_tickets', 'ticket_id', 'get_ticket', 'ticket_id'),
  d('search_tickets', 'ticket_id', 'merge_tickets', 'primary_ticket_id'),
  d('search_tickets', 'ticket_id', 'merge_tickets', 'duplicate_ticket_id'),
  d('get_ticket', 'customer_id', 'search_tickets', 'customer_id'),
  d('list_agents', 'agent_id', 'assign_ticket', 'agent_id'),
  d('resolve_ticket', 'survey_id', 'get_survey_response', 'survey_id'),

  // calendar_messaging
  d('find_contact', 'contact_id', 'send_message', 'contact_id'),
  d('find_contact', 'contact_id', 'find_free_slots', 'contact_ids', 'partial'),
  d('find_contact', 'contact_id', 'create_event', 'attendee_contact_ids', 'partial'),
  d('find_contact', 'contact_id', 'invite_attendees', 'contact_ids', 'partial'),
  d('send_message', 'message_id', 'get_message', 'message_id'),
  d('send_message', 'conversation_id', 'list_conversation_messages', 'conversation_id'),
  d('get_message', 'message_id', 'reply_to_message', 'message_id'),
  d('get_message', 'from_contact_id', 'send_message', 'contact_id'),
  d('list_conversation_messages', 'message_id', 'reply_to_message', 'message_id'),
  d('find_free_slots', 'start_time', 'create_event', 'start_time'),
  d('find_free_slots', 'end_time', 'create_event', 'end_time'),
  d('find_free_slots', 'start_time', 'update_event', 'start_time'),
  d('create_event', 'event_id', 'get_event', 'event_id'),
  d('create_event', 'event_id', 'update_event', 'event_id'),
  d('create_event', 'event_id', 'invite_attendees', 'event_id'),
  d('create_event', 'event_id', 'set_reminder', 'event_id'),
  d('get_event', 'contact_id', 'send_message', 'contact_id'),

  // Cross-domain: one customer, one bank, one support desk, one calendar.
  d('list_cards', 'card_id', 'book_flight', 'card_id'),
  d('list_cards', 'card_id', 'book_hotel', 'card_id'),
  d('list_cards', 'card_id', 'purchase_insurance', 'card_id'),
  d('list_cards', 'card_id', 'place_order', 'card_id'),
  d('search_flights', 'price', 'convert_currency', 'amount'),
  d('search_flights', 'currency', 'convert_currency', 'from_currency'),
  d('get_order', 'total_amount', 'convert_currency', 'amount'),
  d('get_order', 'currency', 'convert_currency', 'from_currency'),
  d('get_refund_status', 'transaction_id', 'get_transaction', 'transaction_id'),
  d('find_customer', 'customer_id', 'create_ticket', 'customer_id'),
  d('find_customer', 'customer_id', 'search_tickets', 'customer_id'),
  d('list_orders', 'order_id', 'create_ticket', 'order_id'),
  d('request_refund', 'refund_id', 'create_ticket', 'refund_id'),
  d('request_refund', 'ticket_id', 'get_ticket', 'ticket_id'),
  d('request_refund', 'ticket_id', 'add_ticket_comment', 'ticket_id'),
  d('book_flight', 'booking_id', 'create_ticket', 'booking_id'),
  d('list_transactions', 'transaction_id', 'create_ticket', 'transaction_id'),
  d('dispute_transaction', 'ticket_id', 'get_ticket', 'ticket_id'),
  d('dispute_transaction', 'ticket_id', 'escalate_ticket', 'ticket_id'),
  d('get_ticket', 'order_id', 'get_order', 'order_id'),
  d('get_ticket', 'booking_id', 'get_booking', 'booking_id'),
  d('get_ticket', 'customer_id', 'list_orders', 'customer_id'),
  d('book_flight', 'confirmation_code', 'send_message', 'body', 'partial'),
  d('book_hotel', 'confirmation_code', 'send_message', 'body', 'partial'),
  d('get_flight_details', 'departure_time', 'create_event', 'start_time'),
  d('get_flight_details', 'arrival_time', 'create_event', 'end_time'),
];
