// ecommerce_orders: customers, catalogue, orders, shipments and refunds.
// Chain: find_customer → list_orders → get_order → request_refund → get_refund_status.

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

const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned'] as const;
const CATEGORIES = ['electronics', 'home', 'clothing', 'books', 'sports', 'beauty', 'toys'] as const;

export const ecommerceOrders: DemoFunction[] = [
  fn(
    'find_customer',
    'Find a shop customer by email address. Returns the customer_id that the order, coupon and support functions take.',
    params({ email: email('Email address the customer signed up with.') }, ['email']),
    response({
      customer_id: str('Customer identifier, e.g. "cus_8F2K1".'),
      name: str('Full name.'),
      email: email('Sign-up email address.'),
      loyalty_tier: oneOf('Loyalty programme tier.', ['standard', 'silver', 'gold', 'platinum']),
      default_address_id: str('Default shipping address; usable as shipping_address_id.'),
      created_at: dateTime('When the account was created.'),
    }),
  ),
  fn(
    'list_addresses',
    'List the saved shipping addresses of a customer.',
    params({ customer_id: str('Customer identifier from find_customer.') }, ['customer_id']),
    response({
      addresses: arr(
        obj(
          {
            address_id: str('Address identifier; pass it as shipping_address_id when placing an order.'),
            label: str('Customer-chosen label, e.g. "Home" or "Office".'),
            line1: str('Street and number.'),
            city: str('City.'),
            postal_code: str('Postal code.'),
            country: str('ISO 3166-1 alpha-2 country code.'),
            is_default: bool('Whether this is the default address.'),
          },
          ['address_id', 'line1', 'city', 'postal_code', 'country', 'is_default'],
        ),
        'Saved addresses, default first.',
      ),
    }),
  ),
  fn(
    'search_products',
    'Search the catalogue by keywords, optionally filtered by category and price.',
    params(
      {
        query: str('Keywords, e.g. "noise cancelling headphones".'),
        category: oneOf('Restrict to one catalogue category.', CATEGORIES),
        max_price: num('Highest acceptable unit price.', { exclusiveMinimum: 0 }),
        in_stock_only: bool('Hide products that cannot ship now.', { default: true }),
        sort_by: oneOf('Result order.', ['relevance', 'price_asc', 'price_desc', 'rating'], { default: 'relevance' }),
        limit: int('Maximum number of results.', { minimum: 1, maximum: 50, default: 10 }),
      },
      ['query'],
    ),
    response({
      products: arr(
        obj(
          {
            product_id: str('Product identifier; pass it to get_product or place an order for it.'),
            name: str('Product title.'),
            price: num('Unit price.'),
            currency: currency('ISO 4217 currency of the price.'),
            rating: num('Average review score, 0 to 5.'),
            in_stock: bool('Whether it can ship now.'),
          },
          ['product_id', 'name', 'price', 'currency', 'in_stock'],
        ),
        'Matching products.',
      ),
    }),
  ),
  fn(
    'get_product',
    'Get a product with its full description, stock and purchasable variants (each variant has its own SKU).',
    params({ product_id: str('Product identifier from search_products or get_order.') }, ['product_id']),
    response({
      product_id: str('Product identifier.'),
      name: str('Product title.'),
      description: str('Marketing description.'),
      price: num('Unit price.'),
      currency: currency('ISO 4217 currency.'),
      stock_quantity: int('Units in stock across variants.', { minimum: 0 }),
      variants: arr(
        obj(
          {
            sku: str('Stock keeping unit of the variant; pass it in an order item.'),
            color: str('Colour name.'),
            size: str('Size label, empty when not applicable.'),
            stock_quantity: int('Units of this variant in stock.', { minimum: 0 }),
          },
          ['sku', 'stock_quantity'],
        ),
        'Purchasable variants.',
      ),
    }),
  ),
  fn(
    'validate_coupon',
    'Check whether a coupon code is valid for a customer before it is applied to an order.',
    params(
      {
        coupon_code: str('Code as typed by the customer, e.g. "SPRING15".'),
        customer_id: str('Customer identifier from find_customer.'),
        order_subtotal: num('Subtotal the coupon would apply to, for minimum-spend checks.', { minimum: 0 }),
      },
      ['coupon_code', 'customer_id'],
    ),
    response({
      coupon_code: str('Normalized coupon code; pass it to place_order when valid.'),
      valid: bool('Whether the coupon can be used.'),
      discount_percent: num('Discount applied to the subtotal, 0 to 100.'),
      expires_on: date('Last day the coupon can be used.'),
      reason: str('Why the coupon is invalid; empty when valid.'),
    }),
  ),
  fn(
    'place_order',
    'Place an order for a customer, charge the payment card and reserve stock. Returns the order_id.',
    params(
      {
        customer_id: str('Customer identifier from find_customer.'),
        items: arr(
          obj(
            {
              product_id: str('Product identifier from search_products.'),
              sku: str('Variant SKU from get_product; the default variant when omitted.'),
              quantity: int('Units to order.', { minimum: 1, default: 1 }),
            },
            ['product_id', 'quantity'],
          ),
          'Lines of the order.',
          { minItems: 1 },
        ),
        shipping_address_id: str('Address identifier from list_addresses or the customer default.'),
        card_id: str('Payment card to charge, as returned by list_cards (card_id).'),
        coupon_code: str('Coupon already checked with validate_coupon.'),
      },
      ['customer_id', 'items', 'shipping_address_id', 'card_id'],
    ),
    response({
      order_id: str('Order identifier, e.g. "ord_20931".'),
      status: oneOf('Order state right after placing.', ['pending', 'paid']),
      total_amount: num('Amount charged after discounts, including shipping.'),
      currency: currency('ISO 4217 currency.'),
      estimated_delivery: date('Expected delivery date.'),
    }),
  ),
  fn(
    'list_orders',
    "List a customer's orders, newest first, optionally filtered by status and date.",
    params(
      {
        customer_id: str('Customer identifier from find_customer.'),
        status: oneOf('Only orders in this state.', ORDER_STATUSES),
        since: date('Only orders placed on or after this date.'),
      },
      ['customer_id'],
    ),
    response({
      orders: arr(
        obj(
          {
            order_id: str('Order identifier; pass it to get_order, cancel_order or request_refund.'),
            status: oneOf('Order state.', ORDER_STATUSES),
            total_amount: num('Amount charged.'),
            currency: currency('ISO 4217 currency.'),
            placed_at: dateTime('When the order was placed.'),
          },
          ['order_id', 'status', 'total_amount', 'currency', 'placed_at'],
        ),
        'Orders, newest first.',
      ),
    }),
  ),
  fn(
    'get_order',
    'Get one order with its lines, payment and shipment.',
    params({ order_id: str('Order identifier from list_orders or place_order.') }, ['order_id']),
    response({
      order_id: str('Order identifier.'),
      customer_id: str('Customer who placed it.'),
      status: oneOf('Order state.', ORDER_STATUSES),
      items: arr(
        obj(
          {
            product_id: str('Ordered product.'),
            sku: str('Ordered variant.'),
            name: str('Product title at time of order.'),
            quantity: int('Units ordered.'),
            unit_price: num('Price paid per unit.'),
          },
          ['product_id', 'sku', 'name', 'quantity', 'unit_price'],
        ),
        'Order lines.',
      ),
      total_amount: num('Amount charged.'),
      currency: currency('ISO 4217 currency.'),
      shipment_id: str('Shipment carrying the order; empty before dispatch.'),
      placed_at: dateTime('When the order was placed.'),
    }),
  ),
  fn(
    'cancel_order',
    'Cancel an order that has not shipped yet. A refund is opened automatically for anything already charged.',
    params(
      {
        order_id: str('Order identifier from list_orders or place_order.'),
        reason: oneOf(
          'Why the customer cancels.',
          ['ordered_by_mistake', 'found_cheaper', 'delivery_too_slow', 'other'],
          {
            default: 'other',
          },
        ),
      },
      ['order_id'],
    ),
    response({
      order_id: str('Cancelled order.'),
      status: oneOf('New order state.', ['cancelled']),
      refund_id: str('Refund opened for the charged amount; pass it to get_refund_status.'),
      refund_amount: num('Amount being refunded.'),
    }),
  ),
  fn(
    'track_shipment',
    'Track a shipment: carrier, tracking number, status and scan history.',
    params({ shipment_id: str('Shipment identifier from get_order.') }, ['shipment_id']),
    response({
      shipment_id: str('Shipment identifier.'),
      carrier: str('Carrier name, e.g. "DHL".'),
      tracking_number: str("Carrier's tracking number."),
      status: oneOf('Current status.', ['label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception']),
      estimated_delivery: date('Expected delivery date.'),
      events: arr(
        obj(
          {
            timestamp: dateTime('When the scan happened.'),
            location: str('Where the parcel was scanned.'),
            description: str('What happened, e.g. "Departed sorting centre".'),
          },
          ['timestamp', 'description'],
        ),
        'Scan history, oldest first.',
      ),
    }),
  ),
  fn(
    'request_refund',
    'Request a refund for a delivered order or one of its products. A support ticket is opened automatically to track the request.',
    params(
      {
        order_id: str('Order identifier from list_orders or get_order.'),
        product_id: str('Refund only this product of the order; the whole order when omitted.'),
        reason: oneOf('Why a refund is requested.', [
          'damaged',
          'wrong_item',
          'not_as_described',
          'late_delivery',
          'no_longer_needed',
        ]),
        amount: num('Partial amount to refund; the full price when omitted.', { exclusiveMinimum: 0 }),
        comment: str("Customer's explanation, passed to the support agent."),
      },
      ['order_id', 'reason'],
    ),
    response({
      refund_id: str('Refund identifier; pass it to get_refund_status.'),
      order_id: str('Refunded order.'),
      status: oneOf('Refund state.', ['requested', 'approved']),
      amount: num('Amount to be refunded.'),
      currency: currency('ISO 4217 currency.'),
      ticket_id: str('Support ticket opened to track this refund.'),
    }),
  ),
  fn(
    'get_refund_status',
    'Get the current state of a refund. Once paid it carries the bank transaction that credited the customer.',
    params({ refund_id: str('Refund identifier from request_refund or cancel_order.') }, ['refund_id']),
    response({
      refund_id: str('Refund identifier.'),
      order_id: str('Refunded order.'),
      status: oneOf('Refund state.', ['requested', 'approved', 'rejected', 'paid']),
      amount: num('Amount refunded.'),
      currency: currency('ISO 4217 currency.'),
      transaction_id: str('Bank transaction crediting the refund; empty until paid.'),
      updated_at: dateTime('Last status change.'),
    }),
  ),
];
