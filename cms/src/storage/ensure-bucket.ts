import { CreateBucketCommand, HeadBucketCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';

interface UploadConfig {
  provider?: string;
  providerOptions?: { s3Options?: S3ClientConfig & { params?: { Bucket?: string } } };
}

/** Creates the photo/export bucket on S3-compatible storage when it is missing (a no-op on local disk). */
export async function ensureBucket(strapi: Core.Strapi): Promise<void> {
  const config = strapi.config.get('plugin::upload') as UploadConfig;
  const s3Options = config.provider === 'aws-s3' ? config.providerOptions?.s3Options : undefined;
  const bucket = s3Options?.params?.Bucket;
  if (!s3Options || !bucket) return;
  const client = new S3Client({ ...s3Options, params: undefined } as S3ClientConfig);
  try {
    const missing = await client.send(new HeadBucketCommand({ Bucket: bucket })).then(
      () => false,
      (error: { $metadata?: { httpStatusCode?: number } }) => {
        if (error.$metadata?.httpStatusCode === 404) return true;
        throw error;
      },
    );
    if (missing) {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      strapi.log.info(`Created bucket ${bucket}`);
    }
  } finally {
    client.destroy();
  }
}
