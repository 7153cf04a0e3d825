// Reminders of tracked moves (issue 16): planned from a move's guidance dates, kept in storage with a due index,
// sent by whichever instance claims each first.
export { plannedReminders, reminderTimeOf, REMINDER_HOUR_UTC, type PlannedReminder } from './plan.js';
export { ReminderBook, type ReminderItem, type Bucket } from './reminderBook.js';
export { ReminderScheduler, type Delivery, type ReminderSender, type ScanReport, type SchedulerOptions } from './scheduler.js';
export { ProactiveSender, type ProactiveAdapter, type ProactiveSenderOptions, type ReminderReply } from './sender.js';
export { bucketKey, bucketOf, reminderKey, CURSOR_KEY, SHARDS } from './keys.js';
