import { z } from 'zod';

// SIM Management v2.0 (`SIM_card`, `Quota_Status`). The spec requires no field, so every one is
// optional, and a field of an unexpected type reads as absent instead of failing the SIM.
const text = z.string().optional().catch(undefined);
const number = z.number().optional().catch(undefined);

const quotaStatusSchema = z.object({
  id: number,
  description: text,
  threshold_reached_date: text,
  quota_exceeded_date: text,
});

const simSchema = z.object({
  iccid: text,
  iccid_with_luhn: text,
  imsi: text,
  imsi_2: text,
  current_imsi: text,
  msisdn: text,
  imei: text,
  imei_lock: z.boolean().optional().catch(undefined),
  /** `Enabled` or `Disabled` in the spec; a status 1NCE adds later is shown as it comes. */
  status: text,
  /** Like `2018-03-09T07:59:09.000+0000`: not ISO-8601 (no colon in the offset), kept as text. */
  activation_date: text,
  ip_address: text,
  current_quota: number,
  quota_status: quotaStatusSchema.optional().catch(undefined),
  current_quota_SMS: number,
  quota_status_SMS: quotaStatusSchema.optional().catch(undefined),
  label: text,
});
export type Sim = z.infer<typeof simSchema>;

/** One SIM (GET /v1/sims/{iccid}); the 19-digit ICCID taken from the 20-digit one if need be. */
export const simDetailSchema = simSchema.transform((sim) =>
  sim.iccid === undefined && sim.iccid_with_luhn
    ? { ...sim, iccid: sim.iccid_with_luhn.slice(0, 19) }
    : sim,
);

/**
 * An item that is not a SIM (not an object, or one without an ICCID, which nothing could choose
 * it by) is dropped, so one bad entry never hides the rest of a page.
 */
function readableSims(items: unknown[]): Sim[] {
  return items.flatMap((item) => {
    const parsed = simDetailSchema.safeParse(item);
    return parsed.success && parsed.data.iccid ? [parsed.data] : [];
  });
}

/** The bare array GET /v1/sims answers. */
export const simListSchema = z.array(z.unknown()).transform(readableSims);

/** A page of the fleet: its SIMs, and how many items it held (what paging counts). */
export const simPageSchema = z
  .array(z.unknown())
  .transform((items) => ({ sims: readableSims(items), received: items.length }));

export const DISABLED = 'Disabled';
