// banking_payments: accounts, identity checks, transactions, transfers, cards and currencies.
// Chain: get_account_by_number → verify_identity → transfer_funds → get_transfer_status.
// verify_identity is a prerequisite: its token gates transfers, card freezes and disputes.

import {
  arr,
  bool,
  currency,
  date,
  dateTime,
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

const verificationToken = str(
  'Short-lived token from verify_identity proving the account holder was verified in this session.',
);

export const bankingPayments: DemoFunction[] = [
  fn(
    'get_account_by_number',
    'Resolve a bank account number to the internal account_id used by every other banking function.',
    params(
      {
        account_number: str('Account number or IBAN as printed on the statement.'),
        routing_number: str('Nine-digit routing number for US accounts.', { pattern: '^[0-9]{9}$' }),
      },
      ['account_number'],
    ),
    response({
      account_id: str('Internal account identifier, e.g. "acc_51Q0".'),
      account_number: str('Account number, masked except the last four digits.'),
      holder_name: str('Name of the primary account holder.'),
      account_type: oneOf('Kind of account.', ['checking', 'savings', 'credit']),
      currency: currency('ISO 4217 currency the account is held in.'),
      status: oneOf('Account state.', ['active', 'frozen', 'closed']),
    }),
  ),
  fn(
    'verify_identity',
    'Verify the account holder with their date of birth and postal code. Must succeed before transfers, card freezes or disputes; returns a token valid for 15 minutes.',
    params(
      {
        account_id: str('Account identifier from get_account_by_number.'),
        date_of_birth: date("Holder's date of birth, YYYY-MM-DD."),
        postal_code: str('Postal code of the billing address on file.'),
      },
      ['account_id', 'date_of_birth', 'postal_code'],
    ),
    response({
      verified: bool('Whether the answers matched the records.'),
      verification_token: str(
        'Token to pass to transfer_funds, freeze_card or dispute_transaction; empty when not verified.',
      ),
      expires_at: dateTime('When the token stops being accepted.'),
    }),
  ),
  fn(
    'get_balance',
    'Get the available and ledger balance of an account.',
    params({ account_id: str('Account identifier from get_account_by_number.') }, ['account_id']),
    response({
      account_id: str('Account identifier.'),
      available_balance: num('Funds that can be spent or transferred now.'),
      ledger_balance: num('Balance including pending transactions.'),
      currency: currency('ISO 4217 currency of the balances.'),
      as_of: dateTime('Time the balance was computed.'),
    }),
  ),
  fn(
    'list_transactions',
    'List the transactions posted to an account in a date range, newest first.',
    params(
      {
        account_id: str('Account identifier from get_account_by_number.'),
        from_date: date('First day of the range, YYYY-MM-DD.'),
        to_date: date('Last day of the range, YYYY-MM-DD.'),
        type: oneOf('Only money out (debit), money in (credit) or both.', ['debit', 'credit', 'all'], {
          default: 'all',
        }),
        min_amount: num('Only transactions at least this large (absolute value).', { minimum: 0 }),
        limit: int('Maximum number of transactions.', { minimum: 1, maximum: 200, default: 50 }),
      },
      ['account_id', 'from_date', 'to_date'],
    ),
    response({
      transactions: arr(
        obj(
          {
            transaction_id: str('Transaction identifier; pass it to get_transaction or dispute_transaction.'),
            posted_at: dateTime('When the transaction posted.'),
            amount: num('Signed amount: negative for debits.'),
            currency: currency('ISO 4217 currency.'),
            description: str('Statement text.'),
            merchant: str('Merchant name, empty for transfers.'),
            type: oneOf('Direction of the money.', ['debit', 'credit']),
          },
          ['transaction_id', 'posted_at', 'amount', 'currency', 'description', 'type'],
        ),
        'Transactions, newest first.',
      ),
    }),
  ),
  fn(
    'get_transaction',
    'Get one transaction with its merchant category, status and the card used.',
    params({ transaction_id: str('Transaction identifier from list_transactions or get_refund_status.') }, [
      'transaction_id',
    ]),
    response({
      transaction_id: str('Transaction identifier.'),
      account_id: str('Account it posted to.'),
      amount: num('Signed amount: negative for debits.'),
      currency: currency('ISO 4217 currency.'),
      merchant: str('Merchant name.'),
      category: str('Merchant category, e.g. "travel" or "groceries".'),
      status: oneOf('Processing state.', ['pending', 'posted', 'reversed']),
      card_id: str('Card used for the payment; empty for transfers.'),
      posted_at: dateTime('When the transaction posted.'),
    }),
  ),
  fn(
    'dispute_transaction',
    'Dispute a card transaction the holder does not recognize or was charged wrongly for. Opens a support ticket for the investigation.',
    params(
      {
        transaction_id: str('Transaction identifier from list_transactions.'),
        reason: oneOf('Why the charge is disputed.', ['unauthorized', 'duplicate', 'not_received', 'incorrect_amount']),
        verification_token: verificationToken,
        details: str("Holder's account of what happened."),
      },
      ['transaction_id', 'reason', 'verification_token'],
    ),
    response({
      dispute_id: str('Dispute case identifier.'),
      transaction_id: str('Disputed transaction.'),
      status: oneOf('Dispute state.', ['open', 'under_review']),
      provisional_credit: num('Amount credited back while the case is investigated.'),
      ticket_id: str('Support ticket tracking the investigation.'),
    }),
  ),
  fn(
    'transfer_funds',
    'Move money from one account to another, immediately or on a scheduled date. Requires a verification token from verify_identity.',
    params(
      {
        from_account_id: str('Account to debit, from get_account_by_number.'),
        to_account_id: str('Account to credit, from get_account_by_number.'),
        amount: num('Amount to send, in the given currency.', { exclusiveMinimum: 0 }),
        currency: currency('ISO 4217 currency of the amount; converted if it differs from the source account.'),
        verification_token: verificationToken,
        reference: str('Text shown on both statements.', { maxLength: 140 }),
        scheduled_date: date('Execute on this date instead of now.'),
      },
      ['from_account_id', 'to_account_id', 'amount', 'currency', 'verification_token'],
    ),
    response({
      transfer_id: str('Transfer identifier; pass it to get_transfer_status.'),
      status: oneOf('Transfer state.', ['pending', 'completed', 'scheduled', 'failed']),
      fee: num('Fee charged to the source account.'),
      from_account_id: str('Debited account.'),
      to_account_id: str('Credited account.'),
      estimated_arrival: dateTime('When the recipient should see the money.'),
    }),
  ),
  fn(
    'get_transfer_status',
    'Get the current state of a transfer, and why it failed if it did.',
    params({ transfer_id: str('Transfer identifier from transfer_funds.') }, ['transfer_id']),
    response({
      transfer_id: str('Transfer identifier.'),
      status: oneOf('Transfer state.', ['pending', 'completed', 'scheduled', 'failed', 'returned']),
      amount: num('Amount sent.'),
      currency: currency('ISO 4217 currency.'),
      completed_at: dateTime('When the money arrived; empty until completed.'),
      failure_reason: str('Why the transfer failed or was returned; empty otherwise.'),
    }),
  ),
  fn(
    'get_exchange_rate',
    'Get the current mid-market exchange rate between two currencies.',
    params(
      {
        base_currency: currency('ISO 4217 code of the currency being priced, e.g. "EUR".'),
        quote_currency: currency('ISO 4217 code of the currency the price is given in, e.g. "USD".'),
      },
      ['base_currency', 'quote_currency'],
    ),
    response({
      base_currency: currency('Currency priced.'),
      quote_currency: currency('Currency of the price.'),
      rate: num('Units of quote currency for one unit of base currency.'),
      as_of: dateTime('Time of the quote.'),
    }),
  ),
  fn(
    'convert_currency',
    "Convert an amount between currencies at the bank's current rate, including its conversion spread.",
    params(
      {
        amount: num('Amount to convert.', { minimum: 0 }),
        from_currency: currency('ISO 4217 code of the amount.'),
        to_currency: currency('ISO 4217 code to convert into.'),
      },
      ['amount', 'from_currency', 'to_currency'],
    ),
    response({
      amount: num('Amount converted.'),
      from_currency: currency('Source currency.'),
      to_currency: currency('Target currency.'),
      converted_amount: num('Result in the target currency, rounded to its minor unit.'),
      rate: num('Rate applied, spread included.'),
    }),
  ),
  fn(
    'list_cards',
    'List the payment cards linked to an account. A card_id can pay for orders, flights and hotels, or be frozen.',
    params({ account_id: str('Account identifier from get_account_by_number.') }, ['account_id']),
    response({
      cards: arr(
        obj(
          {
            card_id: str('Card identifier, e.g. "card_7Hq2".'),
            last_four: str('Last four digits of the card number.', { pattern: '^[0-9]{4}$' }),
            card_type: oneOf('Kind of card.', ['debit', 'credit', 'virtual']),
            network: oneOf('Card network.', ['visa', 'mastercard', 'amex']),
            status: oneOf('Card state.', ['active', 'frozen', 'expired']),
            expiry: str('Expiry as MM/YY.', { pattern: '^(0[1-9]|1[0-2])/[0-9]{2}$' }),
          },
          ['card_id', 'last_four', 'card_type', 'status'],
        ),
        'Cards on the account.',
      ),
    }),
  ),
  fn(
    'freeze_card',
    'Freeze a card so new payments are declined, for example when it is lost. Requires a verification token.',
    params(
      {
        card_id: str('Card identifier from list_cards or get_transaction.'),
        reason: oneOf('Why the card is frozen.', ['lost', 'stolen', 'suspicious_activity', 'temporary']),
        verification_token: verificationToken,
      },
      ['card_id', 'reason', 'verification_token'],
    ),
    response({
      card_id: str('Frozen card.'),
      status: oneOf('New card state.', ['frozen']),
      frozen_at: dateTime('When the freeze took effect.'),
      replacement_ordered: bool('Whether a replacement card was ordered (lost or stolen cards).'),
    }),
  ),
];
