import { z } from 'zod';

// Field constraints shared by the Create* bodies, with Bedrock's patterns in the messages.

function pattern(regex: RegExp, shown: string): [RegExp, string] {
  return [regex, `Member must satisfy regular expression pattern: ${shown}`];
}

export const s3UriSchema = z
  .string()
  .max(1024)
  .regex(...pattern(/^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](\/.*)?$/, 's3://{bucket}[/{key}]'));

export const roleArnSchema = z
  .string()
  .max(2048)
  .regex(...pattern(/^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/, 'arn:aws:iam::{account}:role/{name}'));

export const clientRequestTokenSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(...pattern(/^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/, '[a-zA-Z0-9](-*[a-zA-Z0-9])*'));

/** Job names (customization and batch jobs). */
export const jobNameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(...pattern(/^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/, '[a-zA-Z0-9](-*[a-zA-Z0-9\\+\\-\\.])*'));

/** Custom model and provisioned model names. */
export const resourceNameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(...pattern(/^([0-9a-zA-Z][_-]?)+$/, '([0-9a-zA-Z][_-]?)+'));

export const tagsSchema = z
  .array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) }))
  .max(200)
  .optional();

/** Members Quarry stores and echoes but never interprets (VPC settings, KMS keys, …). */
export const opaqueSchema = z.record(z.string(), z.unknown()).optional();
