package org.communitydesk.photo;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Photos in an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Alibaba OSS or Tencent COS in S3 mode), for
 * installations with several instances that share no disk. The keys are the filesystem store's names
 * (ab/cd/abcd….jpg) under an optional prefix, so a copy of the photo directory can be uploaded as it is.
 * Content addressing makes every put idempotent: the same key always carries the same bytes.
 */
public class S3PhotoStore implements PhotoStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    public S3PhotoStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
    }

    @Override
    public void put(String sha256, byte[] bytes) throws IOException {
        String key = keyOf(sha256);
        try {
            client.putObject(b -> b.bucket(bucket).key(key).contentType(PhotoImages.JPEG), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("The object store refused " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            return client.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new FileNotFoundException("No stored photo " + sha256 + " in bucket " + bucket);
        } catch (SdkException e) {
            throw new IOException("The object store did not give " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean contains(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("The object store did not answer for " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("The object store did not answer for " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        String key = keyOf(sha256);
        try {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new IOException("The object store did not remove " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forEachStored(Consumer<Stored> each) throws IOException {
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                String hash = PhotoStore.hashOf(object.key());
                if (hash != null && object.key().equals(keyOf(hash))) {
                    each.accept(new Stored(hash, object.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw new IOException("The object store did not list bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    String keyOf(String sha256) {
        return prefix + PhotoStore.relativeName(sha256);
    }

    @Override
    public void close() {
        client.close();
    }
}
