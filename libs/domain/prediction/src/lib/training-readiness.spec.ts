import { trainingReadiness } from './training-readiness';

describe('trainingReadiness', () => {
  const minimum = { labelled: 10, converted: 3, notConverted: 3 };

  it('reports "not enough data" with the counts below the minimum, naming each shortfall', () => {
    const readiness = trainingReadiness([1, 1, 0, 0, 0, 0, 0, 0], minimum);

    expect(readiness).toEqual({
      ready: false,
      counts: { labelled: 8, converted: 2, notConverted: 6 },
      minimum,
      reason: 'not enough data: 8 labelled leads of the 10 needed, 2 won of the 3 needed',
    });
  });

  it('is ready once every count reaches its minimum', () => {
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    expect(trainingReadiness(labels, minimum)).toEqual({
      ready: true,
      counts: { labelled: 10, converted: 3, notConverted: 7 },
    });
  });
});
