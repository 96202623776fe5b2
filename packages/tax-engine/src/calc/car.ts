import type { CarInput } from '../input.types';
import { ExactSum, groupThousands, type Cents } from '../money';
import { comparisonReason } from './wfh';

export type CarMethod = 'cents-per-km' | 'logbook';

export interface CarMethodResult {
  readonly method: CarMethod;
  readonly amount: Cents;
}

export interface CarComparison {
  readonly centsPerKm: CarMethodResult & {
    readonly kilometresClaimed: number;
    readonly centsPerKilometre: number;
  };
  readonly logbook: (CarMethodResult & { readonly businessUseBasisPoints: number }) | null;
  readonly best: CarMethodResult;
  readonly reason: string;
}

/**
 * Work-related car expenses for one car (ITAA 1997 Div 28): the cents-per-kilometre method (the
 * year's rate × work kilometres, at most 5,000 km per car) or, with a logbook, the business-use
 * percentage of the car's running costs and decline in value. The larger deduction is chosen.
 */
export function compareCarMethods(
  car: CarInput,
  centsPerKilometre: number,
  kilometreCap: number,
  withText = true,
): CarComparison {
  const kilometresClaimed = Math.min(car.businessKilometres, kilometreCap);
  const centsPerKm = {
    method: 'cents-per-km' as const,
    amount: kilometresClaimed * centsPerKilometre,
    kilometresClaimed,
    centsPerKilometre,
  };
  let logbook: CarComparison['logbook'] = null;
  if (car.logbook) {
    const amount = new ExactSum(10_000)
      .addProduct(car.logbook.carExpenses + car.logbook.declineInValue, car.logbook.businessUseBasisPoints)
      .rounded();
    logbook = { method: 'logbook', amount, businessUseBasisPoints: car.logbook.businessUseBasisPoints };
  }
  const best: CarMethodResult = logbook && logbook.amount > centsPerKm.amount ? logbook : centsPerKm;
  let reason = '';
  if (withText) {
    if (logbook === null) {
      reason = `Without a logbook only the cents-per-kilometre method applies: ${groupThousands(kilometresClaimed)} km × ${centsPerKilometre}c.`;
    } else {
      const other = best === logbook ? centsPerKm : logbook;
      reason = comparisonReason(methodName(best.method), best.amount, [
        { name: methodName(other.method), amount: other.amount },
      ]);
    }
  }
  return { centsPerKm, logbook, best: { method: best.method, amount: best.amount }, reason };
}

function methodName(method: CarMethod): string {
  return method === 'logbook' ? 'logbook method' : 'cents-per-kilometre method';
}
