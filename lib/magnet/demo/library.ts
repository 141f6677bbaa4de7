// The demo project the studio seeds on first start, so a new user meets a real library:
// five hand-written API classes whose outputs feed each other's inputs (ids, codes, amounts),
// inside a class and across classes, so graph, paths and translation have real work to do.
// Pure data: no fs, no React, no database.

import { bankingPayments } from './classes/banking-payments';
import { calendarMessaging } from './classes/calendar-messaging';
import { ecommerceOrders } from './classes/ecommerce-orders';
import { supportTicketing } from './classes/support-ticketing';
import { travelBooking } from './classes/travel-booking';
import type { DemoFunction } from './schema';

export type { DemoFunction } from './schema';
export { DEMO_DEPENDENCIES, type DemoDependency, type DemoDependencyKind } from './dependencies';

export const DEMO_PROJECT = {
  name: 'Demo: travel, shop, bank & support',
  description:
    'A sample library of flight and hotel booking, online shop orders, banking and payments, support tickets, ' +
    'and calendar and messaging APIs. Ids, codes and amounts returned by one function are taken by others ' +
    '(a found flight is booked, a refund opens a ticket, a card pays for an order), so the signature graph, ' +
    'paths and translations have real dependencies to work with.',
} as const;

/** Class name (snake_case, the BFCL file stem) → its functions, in a stable order. */
export const DEMO_CLASSES: Record<string, DemoFunction[]> = {
  travel_booking: travelBooking,
  ecommerce_orders: ecommerceOrders,
  banking_payments: bankingPayments,
  support_ticketing: supportTicketing,
  calendar_messaging: calendarMessaging,
};

/**
 * The library as BFCL func-doc files: `<class>.json`, one JSON object per line with
 * name, description, parameters and response. Types are standard JSON Schema (object, number,
 * ...), which the BFCL importer accepts alongside BFCL's own dict/float/tuple.
 */
export function demoLibraryFiles(): { name: string; text: string }[] {
  return Object.entries(DEMO_CLASSES).map(([className, functions]) => ({
    name: `${className}.json`,
    text: functions
      .map((f) =>
        JSON.stringify({ name: f.name, description: f.description, parameters: f.parameters, response: f.response }),
      )
      .join('\n')
      .concat('\n'),
  }));
}
