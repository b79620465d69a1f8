import { Queue } from 'bullmq';
import type { Core } from '@strapi/strapi';
import { openRedis, redisSettingsFromEnv, type RedisClient, type RedisSettings } from 'strapi-plugin-access';
import type { JobsConfig } from '../config';
import { defaultJobOptions, isQueueName, queuePrefix } from '../runtime/queue-settings';
import type { AddOptions, JobProcessor, JobProgress, QueueOptions, StoredJobData } from '../types';
import type { JobRecord } from './records';
import { getService } from '../utils/get-service';

/** A registered queue: its processor and options. */
export interface QueueDefinition {
  name: string;
  /** Typed by its queue's payload when registered; the runner hands it whatever the queue holds. */
  processor: JobProcessor<unknown, unknown, JobProgress, unknown>;
  options: QueueOptions;
}

/** What `registerQueue` hands back: adding jobs with the queue's payload type. */
export interface TypedQueue<Data> {
  readonly name: string;
  add(data: Data, options?: AddOptions): Promise<JobRecord>;
}

/**
 * The queue registry other plugins call from their register() or bootstrap(), the BullMQ
 * Queue of each (created on first use), and the shared Redis client of the plugin.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const definitions = new Map<string, QueueDefinition>();
  const queues = new Map<string, Queue<StoredJobData>>();
  const listeners = new Set<(definition: QueueDefinition) => void>();
  let client: RedisClient | undefined;
  // BullMQ does not close a connection it was handed: the workers' are closed here
  const workerClients = new Set<RedisClient>();
  const config = () => strapi.config.get('plugin::jobs') as JobsConfig;
  // REDIS_CLUSTER_NODES makes it a cluster; otherwise one server at the plugin's redisUrl
  const settings = (): RedisSettings => redisSettingsFromEnv(process.env, config().redisUrl);

  return {
    /**
     * Registers queue `name` with its processor. Every process registers the same queues
     * (the CMS to add jobs, workers to run them); which processes run workers is up to env.
     */
    registerQueue<Data, Result, Progress extends JobProgress = JobProgress, Step = unknown>(
      name: string,
      processor: JobProcessor<Data, Result, Progress, Step>,
      options: QueueOptions = {},
    ): TypedQueue<Data> {
      if (!isQueueName(name)) throw new Error(`jobs: "${name}" is not a queue name (lower-case letters, digits, dashes)`);
      if (definitions.has(name)) throw new Error(`jobs: queue "${name}" is registered twice`);
      const definition: QueueDefinition = { name, processor: processor as unknown as QueueDefinition['processor'], options };
      definitions.set(name, definition);
      for (const listener of listeners) listener(definition);
      return { name, add: (data, addOptions) => getService(strapi, 'jobs').add(name, data, addOptions) };
    },

    definition(name: string): QueueDefinition | undefined {
      return definitions.get(name);
    },

    definitions(): QueueDefinition[] {
      return [...definitions.values()];
    },

    /** Calls `listener` for queues registered from now on (workers started before a late registration). */
    onRegister(listener: (definition: QueueDefinition) => void) {
      listeners.add(listener);
    },

    /** The BullMQ Queue of a registered queue. */
    queue(name: string): Queue<StoredJobData> {
      let queue = queues.get(name);
      if (!queue) {
        const definition = definitions.get(name);
        if (!definition) throw new Error(`jobs: no queue "${name}"`);
        queue = new Queue<StoredJobData>(name, {
          connection: this.client(),
          prefix: this.prefix(name),
          defaultJobOptions: defaultJobOptions(config(), definition.options),
        });
        queue.on('error', (error) => strapi.log.warn(`jobs: queue ${name}: ${error.message}`));
        queues.set(name, queue);
      }
      return queue;
    },

    /** The queues created so far. */
    openQueues(): Queue<StoredJobData>[] {
      return [...queues.values()];
    },

    /** Where the plugin's Redis is: one server or a cluster. */
    redisSettings: settings,

    /** The BullMQ prefix of queue `name` (hash-tagged on a cluster). */
    prefix(name: string): string {
      return queuePrefix(config().prefix, name, settings().mode === 'cluster');
    },

    /**
     * The plugin's shared client: queues, cancel flags, duration metrics. A command fails
     * after one reconnect attempt instead of queueing forever, so an API call fails fast
     * while Redis is away (workers have connections of their own that wait).
     */
    client(): RedisClient {
      if (!client) {
        client = openRedis({ maxRetriesPerRequest: 1 }, settings());
        client.on('error', (error: Error) => strapi.log.debug(`jobs: redis: ${error.message}`));
      }
      return client;
    },

    /** A worker's own connection: its commands wait for Redis to come back. */
    workerConnection(): RedisClient {
      const connection = openRedis({ maxRetriesPerRequest: null }, settings());
      connection.on('error', (error: Error) => strapi.log.debug(`jobs: worker redis: ${error.message}`));
      workerClients.add(connection);
      return connection;
    },

    /** A key of the plugin's own (cancel flags, metrics); `_` keeps it apart from any queue's keys. */
    key(...parts: string[]): string {
      return [config().prefix, '_', ...parts].join(':');
    },

    /** Closes the queues, the workers' connections and the shared client (the plugin's destroy, after the workers). */
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
      const closingWorkers = [...workerClients];
      workerClients.clear();
      await Promise.all(closingWorkers.map((c) => c.quit().catch(() => c.disconnect())));
      if (client) {
        const closing = client;
        client = undefined;
        await closing.quit().catch(() => closing.disconnect());
      }
    },
  };
};
