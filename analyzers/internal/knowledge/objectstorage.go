package knowledge

// This file describes object-storage SDKs (AWS S3 v1, Tencent COS,
// Huawei OBS): the calls that write a bucket's configuration. timeouts
// reads it.

// ControlPlane lists the methods of object-storage SDKs that write a
// bucket's configuration (CORS rules, policy, lifecycle) or create a
// bucket: control-plane calls an administrator makes once, when a storage
// policy is set up, not work a request does for its user.
var ControlPlane = map[string]bool{
	// github.com/aws/aws-sdk-go (v1): the context-less variants.
	"(*github.com/aws/aws-sdk-go/service/s3.S3).CreateBucket":                    true,
	"(*github.com/aws/aws-sdk-go/service/s3.S3).PutBucketCors":                   true,
	"(*github.com/aws/aws-sdk-go/service/s3.S3).PutBucketPolicy":                 true,
	"(*github.com/aws/aws-sdk-go/service/s3.S3).PutBucketLifecycleConfiguration": true,
	// github.com/tencentyun/cos-go-sdk-v5: these take a context, and a
	// caller passing context.Background() is not reported either.
	"(*github.com/tencentyun/cos-go-sdk-v5.BucketService).Put":          true,
	"(*github.com/tencentyun/cos-go-sdk-v5.BucketService).PutCORS":      true,
	"(*github.com/tencentyun/cos-go-sdk-v5.BucketService).PutPolicy":    true,
	"(*github.com/tencentyun/cos-go-sdk-v5.BucketService).PutLifecycle": true,
	// github.com/huaweicloud/huaweicloud-sdk-go-obs.
	"(github.com/huaweicloud/huaweicloud-sdk-go-obs/obs.ObsClient).CreateBucket":                    true,
	"(github.com/huaweicloud/huaweicloud-sdk-go-obs/obs.ObsClient).SetBucketCors":                   true,
	"(github.com/huaweicloud/huaweicloud-sdk-go-obs/obs.ObsClient).SetBucketPolicy":                 true,
	"(github.com/huaweicloud/huaweicloud-sdk-go-obs/obs.ObsClient).SetBucketLifecycleConfiguration": true,
}

// AWSv1Request is aws-sdk-go (v1)'s request type: the XxxRequest
// builders of its service clients return one, which Send sends and
// Presign only signs.
const AWSv1Request = "github.com/aws/aws-sdk-go/aws/request"

// PresignOnly are the methods of aws-sdk-go (v1)'s request that sign it
// into a URL a client fetches later, without sending it: a builder whose
// request only these use does no round trip (gokapi's presigned download
// links: 2 findings, judged false).
var PresignOnly = map[string]bool{
	"(*" + AWSv1Request + ".Request).Presign":        true,
	"(*" + AWSv1Request + ".Request).PresignRequest": true,
}
