import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewOutboxMessage } from './outbox-message.types';
import { qualifiedTable, serviceSchemaOf } from './sql-identifier.util';
import { assertInTransaction } from './transaction.guard';

/** Transactional outbox: events are stored with the state change that caused them and relayed afterwards. */
@Injectable()
export class Outbox {
  /**
   * Stores the messages in the caller's transaction with one multi-row insert; they are relayed in the given
   * order once the transaction commits, and never if it rolls back.
   */
  async add(manager: EntityManager, messages: readonly NewOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    assertInTransaction(manager, 'Outbox.add');
    // One JSON parameter: the driver sends it as is, where text[]/jsonb[] arrays are escaped element by element.
    // ORDER BY ordinality: ids come from the sequence in the order rows leave the SELECT, i.e. the given order.
    await manager.query(
      `INSERT INTO ${qualifiedTable(serviceSchemaOf(manager.connection), 'outbox')}
         (topic, message_key, payload, headers)
       SELECT m.topic, m.key, m.value, coalesce(m.headers, '{}')
       FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (topic text, key text, value text, headers jsonb))
         WITH ORDINALITY AS m(topic, key, value, headers, position)
       ORDER BY m.position`,
      [JSON.stringify(messages)],
    );
  }
}
