import { FLEET_CAP, FLEET_PAGE_SIZE, nextFleetPage, type FleetPage } from '@/sims/queries';

const page = (n: number, received: number, totalPages?: number): FleetPage => ({
  page: n,
  sims: [],
  received,
  totalPages,
});

/** The pages 1..n, all full. */
const full = (n: number, totalPages?: number) =>
  Array.from({ length: n }, (_, index) => page(index + 1, FLEET_PAGE_SIZE, totalPages));

describe('nextFleetPage', () => {
  it('follows X-Total-Pages', () => {
    expect(nextFleetPage(page(1, 100, 2), [page(1, 100, 2)])).toBe(2);
    expect(nextFleetPage(page(2, 50, 2), [page(1, 100, 2), page(2, 50, 2)])).toBeUndefined();
    expect(nextFleetPage(page(1, 0, 0), [page(1, 0, 0)])).toBeUndefined();
  });

  it('without the header, goes on after a full page and stops after a short or empty one', () => {
    expect(nextFleetPage(page(1, 100), [page(1, 100)])).toBe(2);
    expect(nextFleetPage(page(2, 99), [page(1, 100), page(2, 99)])).toBeUndefined();
    expect(nextFleetPage(page(2, 0, 9), [page(1, 100, 9), page(2, 0, 9)])).toBeUndefined();
  });

  it('stops when the API says it answered another page than the one asked for', () => {
    const ignored: FleetPage = { ...page(2, 100, 5), currentPage: 1 };
    expect(nextFleetPage(ignored, [page(1, 100, 5), ignored])).toBeUndefined();
    const answered: FleetPage = { ...page(2, 100, 5), currentPage: 2 };
    expect(nextFleetPage(answered, [page(1, 100, 5), answered])).toBe(3);
  });

  it(`stops at the first ${FLEET_CAP} SIMs however large the fleet`, () => {
    const pages = full(FLEET_CAP / FLEET_PAGE_SIZE, 120);
    expect(nextFleetPage(pages.at(-2)!, pages.slice(0, -1))).toBe(FLEET_CAP / FLEET_PAGE_SIZE);
    expect(nextFleetPage(pages.at(-1)!, pages)).toBeUndefined();
  });
});
