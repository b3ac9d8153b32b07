DROP TABLE room_blocks;
