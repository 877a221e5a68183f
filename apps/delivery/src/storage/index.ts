import type { Type } from '@nestjs/common';
import { DeliveryTables1765400000000 } from './delivery-tables.migration';

/** The delivery service's TypeORM entities (its stores write SQL). */
export const DELIVERY_ENTITIES: Type[] = [];
/** The delivery service's migrations, in order. */
export const DELIVERY_MIGRATIONS: Type[] = [DeliveryTables1765400000000];
