import { z } from 'zod'

export const THANKS_NOTE_MAX = 280
/** How many stories the playbook shows, and how many thanks notes under each. */
export const STORIES_SHOWN = 6
export const NOTES_SHOWN = 3

/** "Handled well", with a short note saying what went well (decision 054). */
export const ThanksFormSchema = z.object({
	note: z.string({ error: 'thanks.noteRequired' }).trim().min(1, 'thanks.noteRequired').max(THANKS_NOTE_MAX, 'validation.tooLong'),
})
