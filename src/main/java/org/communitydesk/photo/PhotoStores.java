package org.communitydesk.photo;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one {@link PhotoStore} of the installation, as {@code communitydesk.photos.store} chooses it. */
@ApplicationScoped
class PhotoStores {

    private static final Logger LOG = Logger.getLogger(PhotoStores.class);

    @Produces
    @ApplicationScoped
    PhotoStore photoStore(PhotoConfig config) {
        if (config.store() == PhotoConfig.StoreKind.FILESYSTEM) {
            return new FilesystemPhotoStore(Path.of(config.directory()));
        }
        PhotoConfig.S3 s3 = config.s3();
        String bucket = s3.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new ConfigurationException(
                "communitydesk.photos.store=s3 needs communitydesk.photos.s3.bucket (an existing bucket)."));
        if (s3.accessKeyId().isPresent() != s3.secretAccessKey().isPresent()) {
            throw new ConfigurationException("Set both communitydesk.photos.s3.access-key-id and "
                    + "communitydesk.photos.s3.secret-access-key, or neither (the SDK's default credentials).");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where S3 requires them: many S3-compatible stores refuse the SDK's newer default ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(s3.accessKeyId().isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKeyId().get(),
                                s3.secretAccessKey().get()))
                        : DefaultCredentialsProvider.builder().build());
        s3.endpoint().ifPresent(builder::endpointOverride);
        LOG.infof("Photos are kept in bucket %s%s%s.", bucket, s3.endpoint().map(e -> " at " + e).orElse(""),
                s3.prefix().map(p -> " under " + p).orElse(""));
        return new S3PhotoStore(builder.build(), bucket, s3.prefix().orElse(null));
    }

    void close(@Disposes PhotoStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
