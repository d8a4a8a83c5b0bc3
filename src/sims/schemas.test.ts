import { simDetailSchema, simListSchema } from '@/sims/schemas';

// The spec's own example of a SIM_card.
const SPEC_EXAMPLE = {
  iccid: '8988303000123456789',
  iccid_with_luhn: '89883030001234567890',
  imsi: '901405100000018',
  imsi_2: '901405100000018',
  current_imsi: '901405100000018',
  msisdn: '882285100000018',
  imei: '0000000000000018',
  imei_lock: true,
  status: 'Disabled',
  activation_date: '2018-03-09T07:59:09.000+0000',
  ip_address: '100.100.100.18',
  current_quota: 500,
  quota_status: { id: 0, description: 'More than 20% available' },
  current_quota_SMS: 250,
  quota_status_SMS: { id: 0, description: 'More than 20% available' },
  label: 'DX-137-B12',
};

describe('SIM schemas read leniently', () => {
  it('reads the spec’s example whole, keeping activation_date as the text 1NCE sends', () => {
    expect(simDetailSchema.parse(SPEC_EXAMPLE)).toEqual(SPEC_EXAMPLE);
  });

  it('requires no field and ignores unknown ones', () => {
    expect(simDetailSchema.parse({})).toEqual({});
    expect(simDetailSchema.parse({ iccid: '8988303000123456789', future: 1 })).toEqual({
      iccid: '8988303000123456789',
    });
  });

  it('keeps a status it does not know, and reads a field of the wrong type as absent', () => {
    expect(
      simDetailSchema.parse({
        iccid: '8988303000123456789',
        status: 'Suspended',
        ip_address: 1234,
        imei_lock: 'yes',
        quota_status: 'full',
      }),
    ).toEqual({ iccid: '8988303000123456789', status: 'Suspended' });
  });

  it('takes the ICCID from iccid_with_luhn when only that is sent', () => {
    expect(simDetailSchema.parse({ iccid_with_luhn: '89883030001234567890' }).iccid).toBe(
      '8988303000123456789',
    );
  });

  it('drops list items that are not SIMs or have no ICCID, and keeps the rest of the page', () => {
    const page = simListSchema.parse([
      SPEC_EXAMPLE,
      null,
      'garbage',
      42,
      [],
      { label: 'no ICCID' },
      { iccid: '8988303000123456790', status: 'Enabled' },
    ]);
    expect(page.map((sim) => sim.iccid)).toEqual(['8988303000123456789', '8988303000123456790']);
  });

  it('still refuses a body that is not an array at all', () => {
    expect(simListSchema.safeParse({ items: [] }).success).toBe(false);
  });
});
