package knowledge

// This file describes Amazon DynamoDB through aws-sdk-go-v2's client: the
// operations that send one request to the table service (read by
// nplusone and budget through LookupRoundTrip). Each call is a network
// round trip to the service's endpoint, as a query is.

// DynamoDB is aws-sdk-go-v2's DynamoDB package.
const DynamoDB = "github.com/aws/aws-sdk-go-v2/service/dynamodb"

// LibDynamoDB is the DynamoDB client's family.
const LibDynamoDB Lib = "dynamodb"

// dynamoDBRoundTrips are the data-plane operations of *dynamodb.Client.
// BatchGetItem (up to 100 keys) and BatchWriteItem (up to 25 writes) are
// the batched forms a loop of GetItem or PutItem should use;
// TransactGetItems and TransactWriteItems batch too. ExecuteStatement is
// absent: its PartiQL text may read or write, and the call does not say
// which.
var dynamoDBRoundTrips = []group{
	methods(LibDynamoDB, []string{"(*" + DynamoDB + ".Client)"},
		read("GetItem", "Query", "Scan"),
		write("PutItem", "UpdateItem", "DeleteItem"),
		batch(Read, "BatchGetItem", "TransactGetItems"),
		batch(Write, "BatchWriteItem", "TransactWriteItems")),
}
