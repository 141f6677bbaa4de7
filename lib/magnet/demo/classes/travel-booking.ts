// travel_booking: airports, flights, seats, flight bookings, insurance and hotels.
// Chain: get_airport_code → search_flights → book_flight → select_seat / purchase_insurance / ...

import {
  arr,
  bool,
  currency,
  date,
  dateTime,
  email,
  fn,
  int,
  num,
  obj,
  oneOf,
  params,
  response,
  str,
  type DemoFunction,
} from '../schema';

const CABIN_CLASSES = ['economy', 'premium_economy', 'business', 'first'] as const;

const iata = (description: string) => str(description, { pattern: '^[A-Z]{3}$' });
const cardId = str(
  'Payment card to charge, as returned by list_cards (card_id). When omitted the card on file for the contact email is used.',
);

export const travelBooking: DemoFunction[] = [
  fn(
    'get_airport_code',
    'Look up the main IATA airport code serving a city. Use the returned code as the origin or destination of a flight search.',
    params(
      {
        city: str('City name, e.g. "Lisbon" or "San Francisco".'),
        country: str('ISO 3166-1 alpha-2 country code to disambiguate cities with the same name, e.g. "US".', {
          pattern: '^[A-Z]{2}$',
        }),
      },
      ['city'],
    ),
    response({
      airport_code: iata('Three-letter IATA code of the airport, e.g. "LIS".'),
      airport_name: str('Full airport name.'),
      city: str('City the airport serves, normalized spelling.'),
      country: str('ISO 3166-1 alpha-2 country code.'),
      timezone: str('IANA time zone of the airport, e.g. "Europe/Lisbon".'),
    }),
  ),
  fn(
    'search_flights',
    'Search scheduled flights between two airports on a date. Results are sorted by price and each has a flight_id to fetch details or book.',
    params(
      {
        origin: iata('IATA code of the departure airport.'),
        destination: iata('IATA code of the arrival airport.'),
        departure_date: date('Local departure date, YYYY-MM-DD.'),
        passengers: int('Number of travelling passengers.', { minimum: 1, maximum: 9, default: 1 }),
        cabin_class: oneOf('Cabin to price.', CABIN_CLASSES, { default: 'economy' }),
        max_price: num('Upper bound on the total fare for all passengers, in the fare currency.', {
          exclusiveMinimum: 0,
        }),
        nonstop_only: bool('Only return flights without stops.', { default: false }),
      },
      ['origin', 'destination', 'departure_date'],
    ),
    response({
      flights: arr(
        obj(
          {
            flight_id: str(
              'Identifier of this priced flight offer; pass it to get_flight_details, get_seat_map or book_flight.',
            ),
            airline: str('Operating airline name.'),
            flight_number: str('Marketing flight number, e.g. "TP1350".'),
            origin: iata('Departure airport code.'),
            destination: iata('Arrival airport code.'),
            departure_time: dateTime('Scheduled departure, ISO 8601 with offset.'),
            arrival_time: dateTime('Scheduled arrival, ISO 8601 with offset.'),
            stops: int('Number of intermediate stops.', { minimum: 0 }),
            price: num('Total fare for all passengers.'),
            currency: currency('ISO 4217 currency of the fare.'),
            seats_available: int('Seats left at this fare.', { minimum: 0 }),
          },
          [
            'flight_id',
            'airline',
            'flight_number',
            'origin',
            'destination',
            'departure_time',
            'arrival_time',
            'price',
            'currency',
          ],
        ),
        'Matching flights, cheapest first.',
      ),
    }),
  ),
  fn(
    'get_flight_details',
    'Get the schedule, aircraft, baggage allowance and live status of one flight.',
    params({ flight_id: str('Flight identifier from search_flights or get_booking.') }, ['flight_id']),
    response({
      flight_id: str('Flight identifier.'),
      airline: str('Operating airline name.'),
      flight_number: str('Marketing flight number.'),
      origin: iata('Departure airport code.'),
      destination: iata('Arrival airport code.'),
      destination_city: str('City of the arrival airport, useful for hotel searches.'),
      departure_time: dateTime('Scheduled departure, ISO 8601 with offset.'),
      arrival_time: dateTime('Scheduled arrival, ISO 8601 with offset.'),
      duration_minutes: int('Block time in minutes.'),
      aircraft: str('Aircraft type, e.g. "Airbus A321neo".'),
      baggage_allowance_kg: int('Checked baggage included per passenger, in kilograms.'),
      status: oneOf('Live operational status.', ['scheduled', 'delayed', 'cancelled', 'departed', 'landed']),
    }),
  ),
  fn(
    'get_seat_map',
    'List the seats of a flight cabin with their availability and any extra fee. Use a free seat_number with select_seat.',
    params(
      {
        flight_id: str('Flight identifier from search_flights or get_booking.'),
        cabin_class: oneOf('Cabin whose seats to list.', CABIN_CLASSES, { default: 'economy' }),
      },
      ['flight_id'],
    ),
    response({
      flight_id: str('Flight identifier.'),
      cabin_class: oneOf('Cabin listed.', CABIN_CLASSES),
      seats: arr(
        obj(
          {
            seat_number: str('Seat label, e.g. "14C".', { pattern: '^[0-9]{1,2}[A-K]$' }),
            seat_type: oneOf('Position of the seat in its row.', ['window', 'middle', 'aisle']),
            available: bool('Whether the seat can still be selected.'),
            extra_fee: num('Surcharge for choosing this seat, 0 when free.', { minimum: 0 }),
          },
          ['seat_number', 'seat_type', 'available', 'extra_fee'],
        ),
        'Seats of the cabin.',
      ),
    }),
  ),
  fn(
    'book_flight',
    'Book a flight offer for one or more passengers and charge the fare. Returns the booking_id used to manage the booking and the airline confirmation code.',
    params(
      {
        flight_id: str('Flight offer to book, from search_flights.'),
        passengers: arr(
          obj(
            {
              first_name: str('Given name as in the passport.'),
              last_name: str('Family name as in the passport.'),
              date_of_birth: date('Date of birth, YYYY-MM-DD.'),
              passport_number: str('Passport number; required by some international routes.'),
            },
            ['first_name', 'last_name', 'date_of_birth'],
          ),
          'Travellers, lead passenger first.',
          { minItems: 1, maxItems: 9 },
        ),
        contact_email: email('Email address that receives the itinerary.'),
        cabin_class: oneOf('Cabin to book.', CABIN_CLASSES, { default: 'economy' }),
        card_id: cardId,
      },
      ['flight_id', 'passengers', 'contact_email'],
    ),
    response({
      booking_id: str('Booking identifier for get_booking, select_seat, purchase_insurance and cancel_booking.'),
      confirmation_code: str('Six-character airline record locator, e.g. "QX7P2M".', { pattern: '^[A-Z0-9]{6}$' }),
      status: oneOf('Booking state.', ['confirmed', 'pending_payment']),
      flight_id: str('Booked flight.'),
      total_price: num('Amount charged.'),
      currency: currency('ISO 4217 currency of the charge.'),
      departure_time: dateTime('Scheduled departure of the booked flight.'),
    }),
  ),
  fn(
    'select_seat',
    'Assign a seat on a booked flight to one passenger, charging any seat fee to the booking.',
    params(
      {
        booking_id: str('Booking identifier from book_flight.'),
        seat_number: str('Free seat from get_seat_map, e.g. "14C".', { pattern: '^[0-9]{1,2}[A-K]$' }),
        passenger_index: int('Position of the passenger in the booking, 0 for the lead passenger.', {
          minimum: 0,
          default: 0,
        }),
      },
      ['booking_id', 'seat_number'],
    ),
    response({
      booking_id: str('Booking identifier.'),
      seat_number: str('Seat now assigned.'),
      fee_charged: num('Seat fee charged, 0 when free.'),
      currency: currency('ISO 4217 currency of the fee.'),
    }),
  ),
  fn(
    'get_booking',
    'Retrieve a flight booking with its passengers, seats, payment and insurance.',
    params({ booking_id: str('Booking identifier from book_flight.') }, ['booking_id']),
    response({
      booking_id: str('Booking identifier.'),
      confirmation_code: str('Airline record locator.'),
      status: oneOf('Booking state.', ['confirmed', 'pending_payment', 'checked_in', 'cancelled']),
      flight_id: str('Booked flight; use with get_flight_details.'),
      passengers: arr(
        obj(
          {
            first_name: str('Given name.'),
            last_name: str('Family name.'),
            seat_number: str('Assigned seat, empty when none.'),
          },
          ['first_name', 'last_name'],
        ),
        'Passengers on the booking.',
      ),
      contact_email: email('Itinerary email address.'),
      total_price: num('Total charged so far, including seat fees.'),
      currency: currency('ISO 4217 currency.'),
      departure_time: dateTime('Scheduled departure.'),
      policy_id: str('Travel insurance policy on the booking, empty when none.'),
    }),
  ),
  fn(
    'cancel_booking',
    'Cancel a flight booking and refund the fare according to its fare rules.',
    params(
      {
        booking_id: str('Booking identifier from book_flight.'),
        reason: oneOf('Why the traveller cancels.', ['change_of_plans', 'schedule_change', 'illness', 'other'], {
          default: 'change_of_plans',
        }),
      },
      ['booking_id'],
    ),
    response({
      booking_id: str('Cancelled booking.'),
      cancellation_id: str('Identifier of the cancellation record.'),
      status: oneOf('New booking state.', ['cancelled']),
      refund_amount: num('Amount refunded to the original card.'),
      currency: currency('ISO 4217 currency of the refund.'),
    }),
  ),
  fn(
    'purchase_insurance',
    'Buy travel insurance for an existing flight booking. Basic covers cancellation, standard adds medical, premium adds baggage and delay cover.',
    params(
      {
        booking_id: str('Booking identifier from book_flight.'),
        plan: oneOf('Coverage level.', ['basic', 'standard', 'premium'], { default: 'standard' }),
        card_id: cardId,
      },
      ['booking_id'],
    ),
    response({
      policy_id: str('Insurance policy identifier.'),
      booking_id: str('Insured booking.'),
      plan: oneOf('Coverage level bought.', ['basic', 'standard', 'premium']),
      premium: num('Price paid for the policy.'),
      currency: currency('ISO 4217 currency of the premium.'),
      coverage_summary: str('One-line summary of what is covered.'),
    }),
  ),
  fn(
    'search_hotels',
    'Find hotels in a city with rooms free for the given dates, sorted by guest rating.',
    params(
      {
        city: str('City to search, e.g. "Lisbon".'),
        check_in_date: date('Arrival date, YYYY-MM-DD.'),
        check_out_date: date('Departure date, YYYY-MM-DD; after check_in_date.'),
        guests: int('Number of guests sharing the room.', { minimum: 1, maximum: 6, default: 1 }),
        min_rating: num('Lowest acceptable guest rating, 0 to 5.', { minimum: 0, maximum: 5, default: 0 }),
        max_price_per_night: num('Highest acceptable nightly rate.', { exclusiveMinimum: 0 }),
      },
      ['city', 'check_in_date', 'check_out_date'],
    ),
    response({
      hotels: arr(
        obj(
          {
            hotel_id: str('Hotel identifier; pass it to book_hotel.'),
            name: str('Hotel name.'),
            rating: num('Average guest rating, 0 to 5.'),
            price_per_night: num('Nightly rate for the requested guests.'),
            currency: currency('ISO 4217 currency of the rate.'),
            address: str('Street address.'),
            distance_to_center_km: num('Distance to the city centre in kilometres.'),
          },
          ['hotel_id', 'name', 'rating', 'price_per_night', 'currency'],
        ),
        'Available hotels, best rated first.',
      ),
    }),
  ),
  fn(
    'book_hotel',
    'Reserve a room at a hotel for the given dates and charge the first night as a deposit.',
    params(
      {
        hotel_id: str('Hotel identifier from search_hotels.'),
        check_in_date: date('Arrival date, YYYY-MM-DD.'),
        check_out_date: date('Departure date, YYYY-MM-DD.'),
        guests: int('Number of guests.', { minimum: 1, maximum: 6, default: 1 }),
        guest_name: str('Full name of the lead guest.'),
        contact_email: email('Email address that receives the confirmation.'),
        card_id: cardId,
      },
      ['hotel_id', 'check_in_date', 'check_out_date', 'guest_name', 'contact_email'],
    ),
    response({
      reservation_id: str('Reservation identifier; pass it to cancel_hotel_reservation.'),
      confirmation_code: str('Hotel confirmation number.'),
      hotel_id: str('Booked hotel.'),
      check_in_date: date('Arrival date.'),
      check_out_date: date('Departure date.'),
      total_price: num('Price of the whole stay.'),
      currency: currency('ISO 4217 currency.'),
      status: oneOf('Reservation state.', ['confirmed', 'on_request']),
    }),
  ),
  fn(
    'cancel_hotel_reservation',
    'Cancel a hotel reservation; the deposit is refunded when cancelled before the free-cancellation deadline.',
    params(
      {
        reservation_id: str('Reservation identifier from book_hotel.'),
        reason: str('Free-text reason shared with the hotel.'),
      },
      ['reservation_id'],
    ),
    response({
      reservation_id: str('Cancelled reservation.'),
      status: oneOf('New reservation state.', ['cancelled']),
      refund_amount: num('Deposit refunded, 0 after the deadline.'),
      currency: currency('ISO 4217 currency of the refund.'),
    }),
  ),
];
