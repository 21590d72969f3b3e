"""Plays a producer or consumer that knows nothing of this project but Confluent's own Python client.

Used by ConfluentPythonClientIT. Confluent's confluent_kafka.avro module registers, fetches and frames
records exactly as Confluent's serializers do, so a record it writes must read back in Java, and one
written in Java must read here. Prints exactly one JSON line on stdout (an object with "error" on
failure, with a non-zero exit); diagnostics go to stderr.

    produce --bootstrap B --registry URL --topic T --schema-file F --key K --record JSON
    consume --bootstrap B --registry URL --topic T --key K [--where FIELD=VALUE ...] [--timeout S]
"""

import argparse
import datetime
import json
import struct
import sys
import time
import traceback
import uuid

try:
    from confluent_kafka import Consumer, OFFSET_BEGINNING, Producer, TopicPartition
    from confluent_kafka.avro import CachedSchemaRegistryClient, loads
    from confluent_kafka.avro.serializer.message_serializer import MessageSerializer
    IMPORT_ERROR = None
except ImportError as missing:
    IMPORT_ERROR = missing

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
MISSING_MODULE_EXIT = 3


def is_timestamp_millis(field_type):
    if isinstance(field_type, dict):
        return field_type.get("logicalType") == "timestamp-millis"
    if isinstance(field_type, list):
        return any(is_timestamp_millis(branch) for branch in field_type)
    return False


def to_avro_datum(schema_json, record):
    """Python's avro wants datetimes for timestamp-millis; the command line carries epoch milliseconds."""
    datum = dict(record)
    for field in schema_json["fields"]:
        value = datum.get(field["name"])
        if isinstance(value, int) and is_timestamp_millis(field["type"]):
            datum[field["name"]] = EPOCH + datetime.timedelta(milliseconds=value)
    return datum


def to_json(value):
    if isinstance(value, datetime.datetime):
        return (value - EPOCH) // datetime.timedelta(milliseconds=1)
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def produce(args):
    with open(args.schema_file, encoding="utf-8") as f:
        schema_text = f.read()
    schema = loads(schema_text)
    record = to_avro_datum(json.loads(schema_text), json.loads(args.record))
    subject = args.topic + "-value"

    # Registers under <topic>-value and frames the datum, as AvroProducer does for a value.
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))
    value = serializer.encode_record_with_schema(args.topic, schema, record)
    magic, schema_id = struct.unpack(">bI", value[:5])

    # A fresh client has nothing cached, so each of these is a real call to the registry.
    fresh = CachedSchemaRegistryClient({"url": args.registry})
    checked_id = fresh.check_registration(subject, schema)
    latest_id, latest_schema, latest_version = fresh.get_latest_schema(subject)
    fetched = fresh.get_by_id(schema_id)
    version = CachedSchemaRegistryClient({"url": args.registry}).get_version(subject, schema)
    global_compatibility = fresh.get_compatibility()
    is_compatible = fresh.test_compatibility(subject, schema)

    # AvroProducer would also encode the key as Avro; the engine's keys are plain strings, so the
    # framed value goes out through the plain producer with a UTF-8 key.
    delivered = []
    producer = Producer({"bootstrap.servers": args.bootstrap, "message.timeout.ms": args.timeout * 1000})
    producer.produce(args.topic, key=args.key.encode("utf-8"), value=value,
                     on_delivery=lambda err, msg: delivered.append((err, msg)))
    remaining = producer.flush(args.timeout)
    if remaining or not delivered or delivered[0][0] is not None:
        raise RuntimeError("record not delivered: %s" % (delivered[0][0] if delivered else "flush timed out"))
    message = delivered[0][1]
    return {
        "subject": subject,
        "magic": magic,
        "schema_id": schema_id,
        "header_hex": value[:5].hex(),
        "checked_id": checked_id,
        "latest_id": latest_id,
        "latest_version": latest_version,
        "latest_fields": [f.name for f in latest_schema.fields],
        "fetched_name": fetched.fullname,
        "version": version,
        "global_compatibility": global_compatibility,
        "is_compatible": is_compatible,
        "partition": message.partition(),
        "offset": message.offset(),
    }


def consume(args):
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": args.registry}))
    consumer = Consumer({
        "bootstrap.servers": args.bootstrap,
        "group.id": "confluent-client-check-" + uuid.uuid4().hex,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
    })
    try:
        # AvroConsumer would decode the key as Avro too and fail on the engine's plain string keys;
        # its value path is exactly MessageSerializer.decode_message, used here.
        metadata = consumer.list_topics(args.topic, timeout=args.timeout)
        partitions = sorted(metadata.topics[args.topic].partitions.keys())
        consumer.assign([TopicPartition(args.topic, p, OFFSET_BEGINNING) for p in partitions])
        wanted = dict(item.split("=", 1) for item in args.where)
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                raise RuntimeError("consumer error: %s" % message.error())
            key = message.key().decode("utf-8") if message.key() is not None else None
            if key != args.key:
                continue
            magic, schema_id = struct.unpack(">bI", message.value()[:5])
            value = serializer.decode_message(message.value())
            if any(str(value.get(field)) != expected for field, expected in wanted.items()):
                continue
            return {"key": key, "magic": magic, "schema_id": schema_id, "offset": message.offset(), "value": to_json(value)}
        raise RuntimeError("no record with key %r on %s within %d s" % (args.key, args.topic, args.timeout))
    finally:
        consumer.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["produce", "consume"])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--registry", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--schema-file")
    parser.add_argument("--record")
    parser.add_argument("--where", action="append", default=[],
                        help="consume: only a record whose value has FIELD=VALUE (repeatable)")
    parser.add_argument("--timeout", type=int, default=20)
    args = parser.parse_args()

    if IMPORT_ERROR is not None:
        print(json.dumps({"error": "Confluent's Python client is missing: %s" % IMPORT_ERROR}))
        return MISSING_MODULE_EXIT
    try:
        result = produce(args) if args.mode == "produce" else consume(args)
    except Exception as e:  # the Java side needs one parseable line whatever went wrong
        traceback.print_exc(file=sys.stderr)
        print(json.dumps({"error": "%s: %s" % (type(e).__name__, e)}))
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
