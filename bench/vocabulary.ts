// Word lists the benchmark generators draw from. Categories are ToolBench's 49 RapidAPI
// categories (its toolenv/tools/<Category>/ folders); the entities are invented nouns for each,
// so that tools of one category share id-like parameters (e.g. `station_id`) as real ones do.

export const TOOLBENCH_CATEGORIES = [
  'Advertising',
  'Artificial_Intelligence_Machine_Learning',
  'Business',
  'Business_Software',
  'Commerce',
  'Communication',
  'Cryptography',
  'Cybersecurity',
  'Data',
  'Database',
  'Devices',
  'eCommerce',
  'Education',
  'Email',
  'Energy',
  'Entertainment',
  'Events',
  'Finance',
  'Financial',
  'Food',
  'Gaming',
  'Health_and_Fitness',
  'Jobs',
  'Location',
  'Logistics',
  'Mapping',
  'Media',
  'Medical',
  'Monitoring',
  'Movies',
  'Music',
  'News_Media',
  'Other',
  'Payments',
  'Reward',
  'Science',
  'Search',
  'SMS',
  'Social',
  'Sports',
  'Storage',
  'Text_Analysis',
  'Tools',
  'Transportation',
  'Translation',
  'Travel',
  'Video_Images',
  'Visual_Recognition',
  'Weather',
] as const;

export type ToolBenchCategory = (typeof TOOLBENCH_CATEGORIES)[number];

/** Entity nouns per category, singular snake_case. */
export const CATEGORY_ENTITIES: Record<ToolBenchCategory, readonly string[]> = {
  Advertising: ['campaign', 'ad_creative', 'audience', 'placement', 'impression_report', 'advertiser'],
  Artificial_Intelligence_Machine_Learning: ['model', 'prediction', 'dataset', 'training_job', 'embedding', 'classifier'],
  Business: ['company', 'lead', 'invoice', 'employee', 'contract', 'supplier'],
  Business_Software: ['workspace', 'project', 'task', 'document', 'integration', 'license'],
  Commerce: ['product', 'cart', 'order', 'merchant', 'coupon', 'price_list'],
  Communication: ['call', 'voicemail', 'contact', 'channel', 'conference', 'phone_number'],
  Cryptography: ['key_pair', 'signature', 'certificate', 'hash_job', 'cipher_suite', 'vault'],
  Cybersecurity: ['scan', 'vulnerability', 'domain', 'ip_reputation', 'breach_record', 'threat_feed'],
  Data: ['record', 'dataset', 'schema', 'export_job', 'data_source', 'query'],
  Database: ['table', 'row', 'index', 'backup', 'connection', 'migration'],
  Devices: ['device', 'sensor', 'firmware', 'reading', 'gateway', 'fleet'],
  eCommerce: ['listing', 'seller', 'review', 'shipment', 'category', 'wishlist'],
  Education: ['course', 'lesson', 'student', 'quiz', 'enrollment', 'certificate'],
  Email: ['mailbox', 'email_message', 'template', 'mailing_list', 'bounce_report', 'sender_domain'],
  Energy: ['meter', 'tariff', 'power_plant', 'consumption_report', 'charging_station', 'outage'],
  Entertainment: ['show', 'episode', 'event_ticket', 'venue', 'performer', 'trivia_question'],
  Events: ['event', 'attendee', 'venue', 'session', 'speaker', 'registration'],
  Finance: ['stock', 'portfolio', 'dividend', 'earnings_report', 'fund', 'watchlist'],
  Financial: ['loan', 'credit_score', 'exchange_rate', 'bank_account', 'payment_plan', 'tax_form'],
  Food: ['recipe', 'restaurant', 'ingredient', 'menu_item', 'meal_plan', 'nutrition_profile'],
  Gaming: ['player', 'match', 'leaderboard', 'tournament', 'game_item', 'clan'],
  Health_and_Fitness: ['workout', 'exercise', 'activity_log', 'meal', 'sleep_record', 'goal'],
  Jobs: ['job_posting', 'applicant', 'company_profile', 'interview', 'resume', 'salary_estimate'],
  Location: ['place', 'address', 'geocode_result', 'postal_area', 'region', 'timezone'],
  Logistics: ['shipment', 'parcel', 'warehouse', 'carrier', 'pickup', 'delivery_route'],
  Mapping: ['map_tile', 'route', 'waypoint', 'elevation_profile', 'isochrone', 'geofence'],
  Media: ['image', 'video', 'playlist', 'channel', 'article', 'podcast'],
  Medical: ['patient', 'appointment', 'prescription', 'drug', 'lab_result', 'provider'],
  Monitoring: ['monitor', 'incident', 'uptime_report', 'alert_rule', 'check', 'status_page'],
  Movies: ['movie', 'actor', 'review', 'showtime', 'cinema', 'trailer'],
  Music: ['track', 'album', 'artist', 'playlist', 'lyric', 'chart'],
  News_Media: ['article', 'headline', 'source', 'topic', 'author', 'feed'],
  Other: ['item', 'collection', 'note', 'tag', 'link', 'widget'],
  Payments: ['payment', 'payout', 'customer', 'refund', 'subscription', 'payment_link'],
  Reward: ['reward', 'points_balance', 'voucher', 'member', 'tier', 'redemption'],
  Science: ['experiment', 'compound', 'observation', 'paper', 'specimen', 'measurement'],
  Search: ['search_result', 'search_index', 'suggestion', 'crawl_job', 'web_page', 'saved_query'],
  SMS: ['sms_message', 'sender_profile', 'phone_number', 'delivery_report', 'short_code', 'opt_out'],
  Social: ['profile', 'post', 'comment', 'follower', 'hashtag', 'story'],
  Sports: ['team', 'player', 'fixture', 'league', 'standing', 'match_stat'],
  Storage: ['bucket', 'file', 'folder', 'upload', 'share_link', 'snapshot'],
  Text_Analysis: ['text_document', 'sentiment_result', 'entity_extraction', 'keyword', 'summary', 'language_detection'],
  Tools: ['qr_code', 'short_url', 'unit_conversion', 'screenshot', 'pdf_job', 'color_palette'],
  Transportation: ['vehicle', 'trip', 'station', 'route', 'timetable', 'fare'],
  Translation: ['translation', 'glossary', 'language', 'translation_job', 'term', 'translation_memory'],
  Travel: ['flight', 'hotel', 'booking', 'airport', 'itinerary', 'destination'],
  Video_Images: ['image', 'video', 'thumbnail', 'render_job', 'album', 'watermark'],
  Visual_Recognition: ['image_analysis', 'face', 'label', 'ocr_result', 'detected_object', 'face_collection'],
  Weather: ['forecast', 'station', 'weather_alert', 'observation', 'air_quality_report', 'location'],
};

/** Short topical word per category, used in tool and class names. */
export const CATEGORY_WORDS: Record<ToolBenchCategory, readonly string[]> = {
  Advertising: ['Ad', 'Adverts', 'Reach'],
  Artificial_Intelligence_Machine_Learning: ['AI', 'Neural', 'Model'],
  Business: ['Biz', 'Corporate', 'Company'],
  Business_Software: ['Workspace', 'Office', 'Team'],
  Commerce: ['Shop', 'Trade', 'Market'],
  Communication: ['Voice', 'Call', 'Comms'],
  Cryptography: ['Crypto', 'Cipher', 'Key'],
  Cybersecurity: ['Secure', 'Threat', 'Shield'],
  Data: ['Data', 'Record', 'Dataset'],
  Database: ['DB', 'Table', 'Query'],
  Devices: ['Device', 'IoT', 'Sensor'],
  eCommerce: ['Store', 'Cart', 'Listing'],
  Education: ['Learn', 'Course', 'Edu'],
  Email: ['Mail', 'Inbox', 'Email'],
  Energy: ['Energy', 'Grid', 'Power'],
  Entertainment: ['Fun', 'Show', 'Stage'],
  Events: ['Event', 'Ticket', 'Venue'],
  Finance: ['Stock', 'Market', 'Invest'],
  Financial: ['Fin', 'Credit', 'Money'],
  Food: ['Food', 'Recipe', 'Kitchen'],
  Gaming: ['Game', 'Play', 'Arena'],
  Health_and_Fitness: ['Fit', 'Health', 'Workout'],
  Jobs: ['Job', 'Career', 'Hire'],
  Location: ['Geo', 'Place', 'Locate'],
  Logistics: ['Ship', 'Cargo', 'Freight'],
  Mapping: ['Map', 'Route', 'Tile'],
  Media: ['Media', 'Stream', 'Content'],
  Medical: ['Med', 'Care', 'Clinic'],
  Monitoring: ['Uptime', 'Monitor', 'Watch'],
  Movies: ['Movie', 'Film', 'Cinema'],
  Music: ['Music', 'Tune', 'Track'],
  News_Media: ['News', 'Headline', 'Press'],
  Other: ['Misc', 'Util', 'Thing'],
  Payments: ['Pay', 'Checkout', 'Billing'],
  Reward: ['Reward', 'Loyalty', 'Points'],
  Science: ['Science', 'Lab', 'Research'],
  Search: ['Search', 'Find', 'Index'],
  SMS: ['SMS', 'Text', 'Message'],
  Social: ['Social', 'Feed', 'Friends'],
  Sports: ['Sports', 'Score', 'League'],
  Storage: ['Storage', 'Drive', 'Vault'],
  Text_Analysis: ['Text', 'NLP', 'Lexi'],
  Tools: ['Tool', 'Utility', 'Kit'],
  Transportation: ['Transit', 'Ride', 'Fleet'],
  Translation: ['Translate', 'Lingo', 'Polyglot'],
  Travel: ['Travel', 'Trip', 'Fly'],
  Video_Images: ['Image', 'Video', 'Pixel'],
  Visual_Recognition: ['Vision', 'Detect', 'See'],
  Weather: ['Weather', 'Climate', 'Sky'],
};

export const BRAND_PREFIXES = [
  'Open', 'Smart', 'Rapid', 'Quick', 'Cloud', 'Meta', 'Hyper', 'Nova', 'Blue', 'Bright', 'Prime', 'True',
  'Omni', 'Zen', 'Swift', 'Atlas', 'Echo', 'Apex', 'Insight', 'Vertex', 'Lumen', 'Orbit', 'Signal',
  'Vector', 'Nimbus', 'Polar', 'Red', 'Green', 'Urban', 'Global', 'Easy', 'Simple', 'Real', 'Live',
] as const;

export const BRAND_SUFFIXES = [
  'Hub', 'API', 'Pro', 'Labs', 'Wise', 'Base', 'Stack', 'Flow', 'Sense', 'Link', 'Point', 'Scope',
  'Works', 'Cast', 'Track', 'Finder', 'Metrics', 'IQ', 'Box', 'Desk', 'Engine', 'Pulse', 'Nest', 'Ly',
] as const;

/** Modifiers that turn a category's few nouns into the many entities a large class needs. */
export const ENTITY_MODIFIERS = [
  'archived', 'shared', 'custom', 'public', 'scheduled', 'regional', 'daily', 'draft', 'featured', 'pending',
  'external', 'internal', 'batch', 'global', 'local', 'premium', 'temporary', 'verified', 'linked', 'recurring',
] as const;

export const CLASS_SUFFIXES = ['api', 'service', 'manager', 'system', 'platform', 'tools'] as const;

/** Acronyms kept upper-case when snake_case words become titles. */
const ACRONYMS = new Set(['ai', 'api', 'db', 'id', 'ip', 'iot', 'ocr', 'pdf', 'qr', 'sms', 'url', 'uuid', 'nlp']);

export function titleCase(snake: string): string {
  return snake
    .split('_')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/** English plural of a snake_case noun phrase (last word only), good enough for generated names. */
export function plural(snake: string): string {
  const parts = snake.split('_');
  const last = parts.pop() ?? '';
  let p: string;
  if (/iz$/.test(last)) p = `${last}zes`; // quiz → quizzes
  else if (/is$/.test(last)) p = last.replace(/is$/, 'es');
  else if (/[^aeiou]y$/.test(last)) p = last.replace(/y$/, 'ies');
  else if (/(s|x|ch|sh)$/.test(last)) p = `${last}es`;
  else p = `${last}s`;
  return [...parts, p].join('_');
}

/** Human words for a snake_case noun: "air_quality_report" → "air quality report". */
export const words = (snake: string): string => snake.replace(/_/g, ' ');
